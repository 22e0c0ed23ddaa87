/**
 * The pipeline, through a source that reads given texts: findings pass through the named steps in
 * their documented order (allowlist, context, confidence, order, baseline, verify, strip secrets),
 * problems are handed on as the source reports them, and raw secrets leave only when asked for.
 * Secrets are generated at run time (test/support/report-fixture.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveSettingsWith } from '../../src/config/settings.js';
import type { ScanStats } from '../../src/findings/finding.js';
import { fingerprintSecret } from '../../src/findings/fingerprint.js';
import type { ScanProblem } from '../../src/findings/scan-problem.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { eventStream, type ScanSource, type SourceEvent, type SourceTotals } from '../../src/sources/source.js';
import { FIXTURE_RULES, FIXTURE_SECRETS } from '../support/report-fixture.js';

/** A source that scans each text as a file of that name, and reports one problem first. */
function textSource(files: Record<string, string>, problem?: ScanProblem): ScanSource {
  return {
    kind: 'files',
    root: '/fixture',
    scope: () => ({ source: 'files', root: '/fixture', paths: ['/fixture'] }),
    scan: (context) =>
      eventStream<SourceEvent, SourceTotals>(async (emit) => {
        if (problem) emit({ kind: 'problem', problem });
        const stats: ScanStats = { sources: 0, bytes: 0, chunks: 0, durationMs: 0, skipped: [] };
        for (const [path, text] of Object.entries(files)) {
          emit({ kind: 'findings', findings: context.scanner().scan({ text, origin: { source: 'file', path } }) });
          stats.sources++;
          stats.chunks++;
          stats.bytes += text.length;
        }
        return { stats };
      }),
  };
}

/** The fixture rules (a high-confidence PAT, a medium OAuth token, a low-confidence JWT) with `allowlist` set. */
function settingsWith(allowlist: Partial<ReturnType<typeof defaultConfig>['config']['allowlist']> = {}, minConfidence?: 'high' | 'medium' | 'low') {
  const loaded = defaultConfig();
  Object.assign(loaded.config.allowlist, allowlist);
  if (minConfidence) loaded.config.min_confidence = minConfidence;
  return resolveSettingsWith(loaded, FIXTURE_RULES);
}

const files = {
  'b.env': `TOKEN=${FIXTURE_SECRETS.file}\n`,
  'a.env': `OAUTH=${FIXTURE_SECRETS.history}\nJWT=${FIXTURE_SECRETS.jwt}\n`,
};

describe('the pipeline', () => {
  it('applies the steps in order: each dropped finding is explained by the first step that drops it', async () => {
    const settings = settingsWith({ fingerprints: [fingerprintSecret(FIXTURE_SECRETS.jwt)] }, 'medium');
    const result = await runPipeline(textSource(files), {
      settings,
      explain: true,
      baseline: async () => ({
        file: 'accepted.json',
        baseline: { version: 1, tool: 'sprawlguard', createdAt: '', findings: [{ ruleId: 'github-oauth-token', fingerprint: fingerprintSecret(FIXTURE_SECRETS.history), path: 'a.env' }] },
      }),
    });
    // The JWT is both allowlisted and below the minimum confidence: the allowlist, step 1, explains it.
    expect(result.explanation?.rejected.map((r) => [r.ruleId, r.reason])).toEqual([
      ['github-oauth-token', 'baseline'],
      ['jwt', 'allowlist'],
    ]);
    expect(result.beforeBaseline.map((f) => f.ruleId)).toEqual(['github-oauth-token', 'github-classic-pat']);
    expect(result.findings.map((f) => [f.ruleId, f.location.path])).toEqual([['github-classic-pat', 'b.env']]);
  });

  it('orders findings for the report, whatever order the source found them in', async () => {
    const result = await runPipeline(textSource(files), { settings: settingsWith() });
    expect(result.findings.map((f) => `${f.location.path}:${f.location.line}`)).toEqual(['a.env:1', 'a.env:2', 'b.env:1']);
  });

  it('verifies what is reported while it holds its secrets, then strips them', async () => {
    const seen: (string | undefined)[] = [];
    const result = await runPipeline(textSource(files), {
      settings: settingsWith({}, 'high'),
      verify: async (findings, { scope }) => {
        expect(scope?.root).toBe('/fixture');
        for (const f of findings) {
          seen.push(f.secret);
          f.verification = { status: 'live', checkedAt: '2026-01-01T00:00:00Z' };
        }
      },
    });
    expect(seen).toEqual([FIXTURE_SECRETS.file]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.verification?.status).toBe('live');
    expect(result.findings[0]?.secret).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain(FIXTURE_SECRETS.file);
  });

  it('keeps raw secrets only with showSecrets', async () => {
    const result = await runPipeline(textSource(files), { settings: settingsWith(), showSecrets: true });
    expect(result.findings.map((f) => f.secret)).toContain(FIXTURE_SECRETS.file);
  });

  it('lets a caller mask every secret found, allowlisted ones too, before any step drops them', async () => {
    const masked: string[] = [];
    const settings = settingsWith({ fingerprints: [fingerprintSecret(FIXTURE_SECRETS.file)] });
    const result = await runPipeline(textSource(files), { settings, mask: (found) => masked.push(...found.map((f) => f.secret ?? '')) });
    expect(masked.sort()).toEqual([FIXTURE_SECRETS.file, FIXTURE_SECRETS.history, FIXTURE_SECRETS.jwt].sort());
    expect(result.findings.map((f) => f.ruleId)).toEqual(['github-oauth-token', 'jwt']);
    expect(JSON.stringify(result.findings)).not.toContain(FIXTURE_SECRETS.history);
  });

  it('hands problems on as they come, and the configuration warnings to onScanned before the steps', async () => {
    const order: string[] = [];
    const settings = { ...settingsWith(), warnings: [{ code: 'config-changed' as const, message: 'changed by the range' }] };
    const problem: ScanProblem = { code: 'unreadable', path: 'c.env', message: 'permission denied' };
    const result = await runPipeline(textSource(files, problem), {
      settings,
      onProblem: (p) => order.push(`problem ${p.path ?? ''}`),
      onScanned: (stats) => order.push(`scanned ${stats.sources} (${(stats.warnings ?? []).map((w) => w.message).join()})`),
      verify: async () => void order.push('verify'),
    });
    expect(order).toEqual(['problem c.env', 'scanned 2 (changed by the range)', 'verify']);
    expect(result.stats.warnings).toEqual(settings.warnings);
  });
});
