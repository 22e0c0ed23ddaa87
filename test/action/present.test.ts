/** The pure presentation pieces: event payloads to scan targets, and the job summary's size limit. */
import { describe, expect, it } from 'vitest';
import { EventError, scanTargetFor } from '../../src/action/event.js';
import { SUMMARY_BUDGET_BYTES, summaryMarkdown, type ScanOutcome } from '../../src/action/present.js';
import type { Finding } from '../../src/findings/finding.js';

const sha = (c: string): string => c.repeat(40);

describe('scanTargetFor', () => {
  it('takes a PR range from the payload, with its commit count and fork status', () => {
    const target = scanTargetFor('pull_request_target', {
      pull_request: {
        number: 3,
        commits: 412,
        base: { sha: sha('a'), repo: { full_name: 'org/repo' } },
        head: { sha: sha('b'), repo: { full_name: 'someone/repo', fork: true } },
      },
    });
    expect(target).toEqual({ kind: 'pull-request', event: 'pull_request_target', number: 3, base: sha('a'), head: sha('b'), commits: 412, fromFork: true });
  });

  it('rejects a payload without the commits it needs, naming the field', () => {
    expect(() => scanTargetFor('pull_request', { pull_request: { number: 1, base: { sha: 'main' }, head: { sha: sha('b') } } })).toThrow(
      new EventError('pull_request payload: pull_request.base.sha is not a commit id: "main"'),
    );
    expect(() => scanTargetFor('push', { after: sha('c') })).toThrow('push payload: before is missing');
  });

  it('reads push fields, and treats schedule and workflow_dispatch as full-history scans', () => {
    expect(scanTargetFor('push', { ref: 'refs/heads/x', before: sha('0'), after: sha('c'), forced: false, commits: [{}, {}], repository: { default_branch: 'trunk' } })).toEqual({
      kind: 'push',
      ref: 'refs/heads/x',
      before: sha('0'),
      after: sha('c'),
      defaultBranch: 'trunk',
      forced: false,
      commits: 2,
    });
    expect(scanTargetFor('schedule', {})).toEqual({ kind: 'history', event: 'schedule' });
  });
});

describe('summaryMarkdown', () => {
  it('stays under the 1 MiB step-summary limit and says how many rows it left out', () => {
    const finding = (i: number): Finding => ({
      ruleId: 'github-classic-pat',
      provider: 'github',
      title: 'GitHub personal access token (classic)',
      severity: 'critical',
      lifetime: 'long-lived',
      confidence: 'high',
      fingerprint: `sha256:${i.toString(16).padStart(64, '0')}`,
      redacted: 'ghp_Ab…9xYz',
      location: { source: 'history', path: `services/service-${i}/config/production.env`, line: i, column: 1, endLine: i, endColumn: 40, commit: sha('d') },
      remediation: 'Revoke the token and use a GitHub App installation token instead. '.repeat(4),
    });
    const findings = Array.from({ length: 5000 }, (_, i) => finding(i + 1));
    const outcome: ScanOutcome = {
      description: 'full history',
      stats: { sources: 1, bytes: 1, chunks: 1, durationMs: 1, skipped: [], commits: 1 },
      findings,
      newFindings: findings,
      failLevel: 'low',
    };
    const markdown = summaryMarkdown(outcome, 4990);
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| 🔴')).length;
    expect(rows).toBeGreaterThan(1000);
    expect(rows).toBeLessThan(5000);
    expect(markdown).toContain(`…and ${5000 - rows} more not shown here`);
    expect(markdown).toContain('4990 more are listed only here');
  });
});
