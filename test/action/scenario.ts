/**
 * Repositories and event payloads for the Action tests: an origin with a main branch and feature
 * branches, clones of it (full or shallow, over file:// so --depth works), and payloads shaped like
 * GitHub's. Secrets are generated at run time.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { base62Body, fakeGithubPat } from '../support/fake-secrets.js';
import { TestRepo } from '../support/git-repo.js';
import { makeTempDir } from '../support/temp.js';

/** A config with one custom medium-severity rule, so tests can mix severities. */
export const CONFIG_WITH_CUSTOM_RULE = `rules:
  - id: acme-deploy-key
    name: Acme deploy key
    provider: acme
    severity: medium
    lifetime: long-lived
    keywords: [acmedk_]
    pattern: '\\b(acmedk_[a-z0-9]{24})\\b'
    remediation: Rotate the deploy key in Acme and use per-run deploy credentials.
`;

export const pat = (seed: number): string => fakeGithubPat(seed);
/** A secret for the custom `acme-deploy-key` rule (medium). */
export const acmeKey = (seed: number): string => ['acmedk', '_', base62Body(seed, 24).toLowerCase()].join('');

export const ZERO = '0'.repeat(40);

export function newRepo(label = 'sprawlguard-action-'): TestRepo {
  const repo = new TestRepo(makeTempDir(label));
  repo.write('.sprawlguard.yaml', CONFIG_WITH_CUSTOM_RULE);
  return repo;
}

/** Clone over file:// (so `--depth` is honoured), like actions/checkout. */
export function cloneOf(origin: TestRepo, options: { depth?: number; branch?: string } = {}): string {
  const dir = path.join(makeTempDir('sprawlguard-checkout-'), 'work');
  const args = ['clone', '-q', '--no-tags'];
  if (options.depth) args.push(`--depth=${options.depth}`);
  if (options.branch) args.push('--branch', options.branch);
  execFileSync('git', [...args, `file://${origin.dir}`, dir], { stdio: 'pipe' });
  return dir;
}

export interface ImportedCommit {
  message: string;
  files: Record<string, string>;
}

/**
 * Append many commits to `branch` in one `git fast-import` run (hundreds in well under a second),
 * starting from `from`. Returns the new tip.
 */
export function importCommits(repo: TestRepo, branch: string, from: string, commits: readonly ImportedCommit[]): string {
  const parts: string[] = [];
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  commits.forEach((c, i) => {
    parts.push(`commit refs/heads/${branch}\n`);
    parts.push(`committer Test Author <author@tests.invalid> ${1767225600 + i} +0000\n`);
    parts.push(data(c.message));
    if (i === 0) parts.push(`from ${from}\n`);
    for (const [file, content] of Object.entries(c.files)) parts.push(`M 100644 inline ${file}\n`, data(content));
    parts.push('\n');
  });
  execFileSync('git', ['fast-import', '--quiet', '--force'], { cwd: repo.dir, input: parts.join(''), stdio: ['pipe', 'pipe', 'pipe'] });
  return repo.git('rev-parse', `refs/heads/${branch}`).trim();
}

export function pullRequestPayload(options: {
  number: number;
  base: string;
  head: string;
  commits?: number;
  fork?: boolean;
}): object {
  const baseRepo = { full_name: 'octo-org/widgets', fork: false };
  const headRepo = options.fork ? { full_name: 'someone/widgets', fork: true } : baseRepo;
  return {
    action: 'synchronize',
    number: options.number,
    pull_request: {
      number: options.number,
      commits: options.commits,
      base: { ref: 'main', sha: options.base, repo: baseRepo },
      head: { ref: 'feature', sha: options.head, repo: headRepo },
    },
    repository: { full_name: 'octo-org/widgets', default_branch: 'main' },
  };
}

export function pushPayload(options: { ref: string; before: string; after: string; forced?: boolean; commits?: number }): object {
  return {
    ref: options.ref,
    before: options.before,
    after: options.after,
    forced: options.forced ?? false,
    created: options.before === ZERO,
    deleted: options.after === ZERO,
    commits: Array.from({ length: options.commits ?? 1 }, (_, i) => ({ id: `c${i}` })),
    repository: { full_name: 'octo-org/widgets', default_branch: 'main' },
  };
}
