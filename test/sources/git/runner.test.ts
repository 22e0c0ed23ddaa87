/**
 * Every git process sprawlguard starts goes through one runner: whichever part of a scan asks
 * (listing a work tree's files, reading objects, streaming patches, a hook install), git runs with
 * the environment that keeps it from waiting on a terminal. A fake `git` first on PATH records what
 * it was started with.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ObjectReader } from '../../../src/sources/git/cat-file.js';
import { gitListFiles } from '../../../src/sources/files/walk.js';
import { streamGitLines } from '../../../src/sources/git/git.js';
import { makeTempDir } from '../../support/temp.js';

let record: string;
let savedPath: string | undefined;

beforeEach(() => {
  const bin = makeTempDir('sprawlguard-fake-git-');
  record = path.join(bin, 'calls.log');
  // Records its arguments and the variables that matter, then fails like git outside a repository.
  writeFileSync(
    path.join(bin, 'git'),
    `#!/bin/sh\nprintf '%s|%s|%s|%s\\n' "$*" "$GIT_TERMINAL_PROMPT" "$GCM_INTERACTIVE" "$GIT_NO_LAZY_FETCH" >> '${record}'\nexit 128\n`,
  );
  chmodSync(path.join(bin, 'git'), 0o755);
  savedPath = process.env.PATH;
  process.env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ''}`;
});

afterEach(() => {
  process.env.PATH = savedPath;
});

function calls(): { args: string; prompt: string; gcm: string; lazy: string }[] {
  return readFileSync(record, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [args = '', prompt = '', gcm = '', lazy = ''] = line.split('|');
      return { args, prompt, gcm, lazy };
    });
}

describe('the git runner', () => {
  it('starts the work-tree listing of a directory scan without a terminal prompt and with unquoted paths', async () => {
    expect(await gitListFiles(makeTempDir())).toBeUndefined();
    const [first] = calls();
    expect(first?.args).toContain('core.quotepath=off');
    expect(first?.args).toContain('rev-parse --is-inside-work-tree');
    expect(first).toMatchObject({ prompt: '0', gcm: 'never' });
  });

  it('starts the object reader and patch streams of a scan with lazy fetching off', async () => {
    const objects = new ObjectReader(makeTempDir());
    const object = await objects.read('0'.repeat(40));
    objects.close();
    expect(object.kind).toBe('missing');
    await expect(streamGitLines(makeTempDir(), ['log', '-p'], () => undefined, { env: { GIT_NO_LAZY_FETCH: '1' } })).rejects.toThrow(/git log -p failed/);
    const [reader, log] = calls();
    expect(reader).toMatchObject({ prompt: '0', gcm: 'never', lazy: '1' });
    expect(reader?.args).toContain('cat-file --batch');
    expect(log).toMatchObject({ prompt: '0', gcm: 'never', lazy: '1' });
  });
});
