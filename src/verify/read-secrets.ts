/**
 * The raw secrets behind a report's findings, for the providers to check: from the finding itself
 * when the scan kept it (`scan --verify`, or a report written with --show-secrets, trusted only as
 * far as its fingerprint), else read again from its location; and the text around each one for the
 * providers that look for companion values (the other half of a key pair, a shop or site name).
 */
import type { Finding } from '../findings/finding.js';
import { fingerprintSecret } from '../findings/fingerprint.js';
import type { Rule } from '../rules/schema.js';
import { COMPANION_LINES } from './companions.js';
import { loadProvider } from './provider-registry.js';
import { linesAround, locateSecret, type SourceReader } from './reread.js';
import { providerIdFor, type FindingSecret } from './runner.js';

/** Whether any module for these findings needs the surrounding text (companion values). */
async function needsText(finding: Finding, rulesById: ReadonlyMap<string, Rule>): Promise<boolean> {
  const id = providerIdFor(finding, rulesById);
  if (id === undefined) return false;
  return ((await loadProvider(id)).companions ?? []).length > 0;
}

/**
 * Secrets and surroundings for each finding: the secret from the finding itself when the scan kept
 * it (scan --verify), else re-read from its location; the text around it only for providers that
 * look for companion values.
 */
export async function secretsFor(
  findings: readonly Finding[],
  reader: SourceReader,
  rulesById: ReadonlyMap<string, Rule>,
  fingerprintKey: string | undefined,
): Promise<FindingSecret[]> {
  const out: FindingSecret[] = [];
  for (const finding of findings) {
    if (providerIdFor(finding, rulesById) === undefined) {
      out.push({ finding });
      continue;
    }
    const wantText = await needsText(finding, rulesById);
    const source = finding.secret === undefined || wantText ? await reader.read(finding.location) : undefined;
    const item: FindingSecret = { finding };
    if (finding.secret !== undefined) {
      // A report written with --show-secrets: its secrets are trusted only as far as their fingerprints.
      if (fingerprintSecret(finding.secret, fingerprintKey) === finding.fingerprint) item.secret = finding.secret;
      else item.unavailable = 'the secret in the report does not match its fingerprint';
    } else if (source && !source.ok) item.unavailable = `cannot re-read the secret: ${source.reason}`;
    else if (source?.ok) {
      const located = locateSecret(source.text, finding.location, finding.fingerprint, rulesById.get(finding.ruleId), fingerprintKey);
      if (located.secret !== undefined) item.secret = located.secret;
      else item.unavailable = `cannot re-read the secret: ${located.reason ?? 'not found'}`;
    }
    if (wantText && source?.ok) {
      item.text = linesAround(source.text, finding.location.line - COMPANION_LINES, finding.location.endLine + COMPANION_LINES);
    }
    out.push(item);
  }
  return out;
}
