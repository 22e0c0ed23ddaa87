/**
 * What a developer blocked by the pre-commit hook reads next. Every remedy is written to work when
 * followed literally: the fingerprints to allowlist are the blocked ones, the baseline command is
 * the one the hook reads back, and each bypass names the exact command line.
 */
import type { Finding } from '../findings/finding.js';
import { DEFAULT_BASELINE } from './baseline.js';

export function blockedCommitHelp(findings: readonly Finding[]): string {
  const fingerprints = [...new Set(findings.map((f) => f.fingerprint))];
  return [
    '',
    'sprawlguard blocked this commit: the staged changes add the secrets listed above.',
    '  Remove them from the files and use a secret manager or short-lived credentials instead.',
    '  If a secret was real, revoke it at its provider now: it may already be in other places.',
    '  A false positive? Do one of these, then commit again:',
    '    - put `sprawlguard:allow` in a comment on the line of the secret, and stage that change (git add);',
    '    - accept these secrets in .sprawlguard.yaml at the top of the repository:',
    '        allowlist:',
    '          fingerprints:',
    ...fingerprints.map((fp) => `            - ${fp}`),
    `    - accept what this commit adds: \`sprawlguard baseline create --staged\` records it in ${DEFAULT_BASELINE}`,
    '      at the top of the repository, which the hook reads (commit that file to share it).',
    '  Emergency only: `git commit --no-verify` skips the hooks (under husky: `HUSKY=0 git commit`;',
    '  under the pre-commit framework: `SKIP=sprawlguard git commit`). Then revoke the secret.',
    '',
  ].join('\n');
}
