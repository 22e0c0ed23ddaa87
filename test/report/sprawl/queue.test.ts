/**
 * The remediation queue on constructed inventories: the order the documented formula gives, the
 * words that explain it, what to do for where the copies live, and who owns them.
 */
import { describe, expect, it } from 'vitest';
import { remediationFor } from '../../../src/report/sprawl/remediation.js';
import { formatSprawlText } from '../../../src/report/sprawl/text.js';
import { formatSprawlMarkdown } from '../../../src/report/sprawl/markdown.js';
import { matchCodeOwners, splitAuthor } from '../../../src/report/sprawl/owners.js';
import { secret } from '../../support/inventory-fixtures.js';
import { fingerprintOf, historyAt, makeFinding, reportOf, ticketAt } from './build-inventory.js';

describe('the remediation queue', () => {
  const [live, spread, once, revoked] = [secret(301), secret(302), secret(303), secret(304)];
  const report = reportOf('queue-order', (inventory, run) => {
    inventory.recordFindings(run, [
      makeFinding(live, historyAt('acme/api', 'src/client.py')),
      makeFinding(spread, historyAt('acme/api', 'deploy/.env')),
      makeFinding(spread, historyAt('acme/web', 'deploy/.env')),
      makeFinding(spread, historyAt('acme/tools', 'bin/release')),
      makeFinding(once, historyAt('acme/web', 'README.md')),
      makeFinding(revoked, historyAt('acme/a', 'x.env')),
      makeFinding(revoked, historyAt('acme/b', 'x.env')),
      makeFinding(revoked, historyAt('acme/c', 'x.env')),
      makeFinding(revoked, historyAt('acme/d', 'x.env')),
    ]);
    inventory.recordFindings(run, [makeFinding(spread, ticketAt('jira', 'OPS-7', { author: 'Rita Reporter' }))]);
    inventory.recordVerification({ fingerprint: fingerprintOf(live), checkedAt: '2026-02-01T00:00:00Z', result: { status: 'live', identity: { user: 'deploy-bot', scopes: 'repo' } } });
    inventory.recordRevocation({ fingerprint: fingerprintOf(revoked), status: 'revoked' });
  });
  const byFp = (raw: string) => report.secrets.find((s) => s.fingerprint === fingerprintOf(raw));

  it('ranks the widest-spread key first, a verified-live key next, and a revoked key last however far it spread', () => {
    expect(report.secrets.map((s) => s.fingerprint)).toEqual([spread, live, once, revoked].map(fingerprintOf));
    expect(report.secrets.map((s) => s.priority)).toEqual([1, 2, 3, 4]);
  });

  it('explains each score in words, factor by factor, and the factors add up to it', () => {
    for (const s of report.secrets) expect(s.risk.factors.reduce((sum, f) => sum + f.points, 0)).toBe(s.risk.score);
    const reasons = (raw: string) => byFp(raw)?.risk.factors.map((f) => `${f.factor}: ${f.reason}`);
    expect(reasons(spread)).toEqual(expect.arrayContaining(['sprawl: in 4 places (3 repositories and 1 ticket) across 2 systems', 'severity: severity critical']));
    expect(reasons(live)).toEqual(expect.arrayContaining(['verification: verified live at github on 2026-02-01; github reported user deploy-bot, scopes repo']));
    expect(reasons(once)).toEqual(expect.arrayContaining(['verification: not verified: treated as possibly live', 'lifetime: long-lived: valid until someone revokes it']));
    expect(byFp(revoked)?.risk.actionable).toBe(false);
    expect(byFp(spread)?.risk.factors.find((f) => f.factor === 'exposure')?.reason).toMatch(/^exposed 89 days; still at HEAD in 3 places$/);
  });

  it('gives every secret a next step; a revoked one only needs its copies removed', () => {
    expect(byFp(live)?.remediation.next).toMatch(/^Live: revoke now: /);
    expect(byFp(revoked)?.remediation.next).toBe('Revoked: remove the remaining copies from 4 places.');
    // Copies in plain files and a ticket: redact the ticket, load the replacement from a secrets manager.
    expect(byFp(spread)?.remediation.replaceWith.map((r) => r.kind)).toEqual(['ticket-cleanup', 'dynamic-secrets']);
  });

  it('text and Markdown open with the secrets to fix first, each with severity, priority and its next step', () => {
    const text = formatSprawlText(report);
    const lines = text.split('\n');
    const at = lines.indexOf('Fix first');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(lines.findIndex((l) => l.trim().startsWith('Secrets ')));
    expect(lines[at + 1]).toMatch(/^ {2}#1 {2}ghp_\w+…\w{4} {2}GitHub personal access token \(classic\), critical, open, 4 places, risk \d+$/);
    // Without the rule pack's advice (the CLI passes it), the step is the generic one.
    expect(lines[at + 2]).toBe('      Revoke: Revoke the credential at github and issue a new one.');
    expect(lines.some((l) => /^ {6}ask: Test Author <author@tests\.invalid>, Rita Reporter$/.test(l))).toBe(true);
    // Three open secrets to fix; the revoked one is not in the list but is in the queue, last.
    expect(lines.filter((l) => /^ {2}#\d/.test(l)).slice(0, 3).map((l) => l.slice(2, 4))).toEqual(['#1', '#2', '#3']);
    expect(text).toContain('    next: Revoked: remove the remaining copies from 4 places.');
    const md = formatSprawlMarkdown(report);
    expect(md.indexOf('### Fix first')).toBeLessThan(md.indexOf('| Figure | Value |'));
    expect(md).toMatch(/^1\. `ghp_\w+…\w{4}` GitHub personal access token \(classic\) · \*\*critical\*\* · open · 4 places · risk \d+<br>\*\*Revoke: Revoke the credential at github and issue a new one\.\*\*/m);
    expect(md).toContain('| 4 | `');
  });

  it('names the commit authors of each copy and the ticket authors', () => {
    expect(byFp(spread)?.owners.authors).toEqual([{ name: 'Test Author', email: 'author@tests.invalid', places: ['acme/api: deploy/.env', 'acme/tools: bin/release', 'acme/web: deploy/.env'] }]);
    expect(byFp(spread)?.owners.ticketAuthors).toEqual([{ system: 'jira', ticket: 'OPS-7', author: 'Rita Reporter' }]);
  });
});

describe('remediation chosen from where the copies live', () => {
  const advice = { remediation: 'Delete the key in the console. Then rotate it.', references: ['https://provider.example/docs/keys'] };

  it('a GitHub token in a workflow: a GitHub App token, with the provider steps first', () => {
    const r = remediationFor({ provider: 'github', status: 'open', places: 1 }, [{ repo: 'acme/api', path: '.github/workflows/deploy.yml' }], advice);
    expect(r.next).toBe('Revoke: Delete the key in the console.');
    expect(r.revoke).toBe('Delete the key in the console. Then rotate it.');
    expect(r.replaceWith).toMatchObject([{ kind: 'github-app-token', where: ['acme/api: .github/workflows/deploy.yml'] }]);
    expect(r.links[0]).toBe('https://provider.example/docs/keys');
    expect(r.links).toContain('https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/making-authenticated-api-requests-with-a-github-app-in-a-github-actions-workflow');
  });

  it('a cloud key in a workflow: OIDC federation to that cloud', () => {
    const r = remediationFor({ provider: 'aws', status: 'verified-live', places: 1 }, [{ repo: 'acme/api', path: '.github/workflows/release.yaml' }], advice);
    expect(r.replaceWith[0]).toMatchObject({ kind: 'ci-oidc' });
    expect(r.replaceWith[0]?.advice).toMatch(/OIDC token for short-lived AWS credentials/);
    expect(r.links).toContain('https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services');
  });

  it('a cloud key in Kubernetes manifests: workload identity', () => {
    const r = remediationFor({ provider: 'google-cloud', status: 'open', places: 2 }, [{ repo: 'acme/ops', path: 'k8s/prod/deployment.yaml' }, { repo: 'acme/ops', path: 'charts/api/values.yaml' }], advice);
    expect(r.replaceWith).toMatchObject([{ kind: 'workload-identity', where: ['acme/ops: charts/api/values.yaml', 'acme/ops: k8s/prod/deployment.yaml'] }]);
    expect(r.links).toContain('https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity');
  });

  it('a database password in application configuration: IAM database auth or dynamic secrets', () => {
    const r = remediationFor({ provider: 'postgres', status: 'open', places: 1 }, [{ repo: 'acme/api', path: 'config/database.yml' }], undefined);
    expect(r.replaceWith).toMatchObject([{ kind: 'database-iam' }]);
    expect(r.links).toEqual(expect.arrayContaining(['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html', 'https://developer.hashicorp.com/vault/docs/secrets/databases']));
    expect(r.next).toBe('Revoke: Revoke the credential at postgres and issue a new one.');
  });

  it('a copy in a ticket: delete or redact it there too', () => {
    const r = remediationFor({ provider: 'slack', status: 'open', places: 1 }, [{ path: 'OPS-1', system: 'jira', ticket: 'OPS-1' }], advice);
    expect(r.replaceWith.map((x) => x.kind)).toEqual(['ticket-cleanup', 'dynamic-secrets']);
    expect(r.replaceWith[0]?.where).toEqual(['jira OPS-1']);
  });
});

describe('owners', () => {
  it('reads git authors as name and email, and a bare name as a name', () => {
    expect(splitAuthor('Ann Example <ann@example.invalid>')).toEqual({ name: 'Ann Example', email: 'ann@example.invalid' });
    expect(splitAuthor('557058:0f1e')).toEqual({ name: '557058:0f1e' });
  });

  it('matches CODEOWNERS as GitHub does: the last matching line wins, unanchored names match at any depth', () => {
    const rules = [
      { pattern: '*', owners: ['@acme/everyone'] },
      { pattern: '*.env', owners: ['@acme/platform'] },
      { pattern: '/deploy/', owners: ['@acme/ops'] },
      { pattern: 'docs/*', owners: ['@acme/docs'] },
    ];
    expect(matchCodeOwners(rules, 'deploy/prod/app.yaml')?.owners).toEqual(['@acme/ops']);
    expect(matchCodeOwners(rules, 'services/api/.env')?.owners).toEqual(['@acme/platform']);
    expect(matchCodeOwners(rules, 'src/main.ts')?.owners).toEqual(['@acme/everyone']);
    expect(matchCodeOwners(rules, 'docs/guide.md')?.owners).toEqual(['@acme/docs']);
    expect(matchCodeOwners(rules, 'docs/deep/guide.md')?.owners).toEqual(['@acme/everyone']);
    expect(matchCodeOwners([{ pattern: 'apps/', owners: ['@a'] }], 'x/apps/y.txt')?.owners).toEqual(['@a']);
  });

  it('takes the CODEOWNERS owners of each path from the repository record', () => {
    const raw = secret(305);
    const report = reportOf('queue-codeowners', (inventory, run) => {
      inventory.recordFindings(run, [makeFinding(raw, historyAt('acme/api', 'deploy/prod.env'))], { repo: 'acme/api' });
      inventory.markRepoDone('acme/api', '/tmp/acme-api', { codeowners: [{ pattern: '*', owners: ['@acme/all'] }, { pattern: '/deploy/', owners: ['@acme/ops', 'ops@example.invalid'] }] }, run);
    });
    expect(report.secrets[0]?.owners.codeOwners).toEqual([{ repo: 'acme/api', path: 'deploy/prod.env', pattern: '/deploy/', owners: ['@acme/ops', 'ops@example.invalid'] }]);
  });
});
