/**
 * Partial clones (`git clone --filter=blob:none`): most old blobs were never fetched, and git
 * fetches each one it needs from the promisor remote, one request at a time. A scan never lets it
 * (NO_LAZY_FETCH): it reads such a clone from its objects and lists what was never fetched, or, when
 * asked, fetches exactly the objects it needs in one batch first.
 */
import { git, GitError, NO_LAZY_FETCH, streamGitLines } from './git.js';

/** The promisor remote of a partial clone, or undefined for a complete repository. */
export async function promisorRemote(dir: string): Promise<string | undefined> {
  const out = await git(dir, ['config', '-z', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$'], { okCodes: [1] });
  let promisor: string | undefined;
  for (const item of out.split('\0')) {
    const nl = item.indexOf('\n');
    const key = nl < 0 ? item : item.slice(0, nl);
    const value = nl < 0 ? 'true' : item.slice(nl + 1);
    if (key === 'extensions.partialclone' && value !== '') return value;
    const remote = /^remote\.(.+)\.promisor$/.exec(key)?.[1];
    if (remote !== undefined && promisor === undefined && /^(true|yes|on|1)$/i.test(value)) promisor = remote;
  }
  return promisor;
}

/**
 * Objects that reading `commits` from their objects would need and that are not here: everything
 * in their trees and their parents' trees that `rev-list --missing=print` marks absent. If git
 * cannot answer (a parent commit itself is missing), what it said so far is returned; objects it
 * did not name are found absent when read.
 */
export async function absentObjects(dir: string, commits: readonly string[], signal?: AbortSignal): Promise<Set<string>> {
  const absent = new Set<string>();
  try {
    await streamGitLines(
      dir,
      ['rev-list', '--objects', '--missing=print', '--no-walk', '--stdin'],
      (buf, start, end) => {
        if (buf[start] === 63 /* ? */) absent.add(buf.toString('latin1', start + 1, end));
      },
      { input: commits.map((c) => `${c}\n${c}^@\n`).join(''), signal, env: NO_LAZY_FETCH },
    );
  } catch (error) {
    if (!(error instanceof GitError) || signal?.aborted) throw error;
  }
  return absent;
}

/**
 * Fetch `oids` from `remote` in one request: the command git itself runs for a lazy fetch, given
 * every object at once.
 */
export async function fetchObjects(dir: string, remote: string, oids: Iterable<string>): Promise<void> {
  try {
    await git(
      dir,
      ['-c', 'fetch.negotiationAlgorithm=noop', 'fetch', remote, '--no-tags', '--no-write-fetch-head', '--recurse-submodules=no', '--filter=blob:none', '--stdin'],
      { input: `${[...oids].join('\n')}\n` },
    );
  } catch (error) {
    // git's words may quote the remote's URL, credentials and all.
    const said = error instanceof GitError ? error.stderr : String(error);
    throw new Error(said.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@').trim() || 'git fetch failed');
  }
}
