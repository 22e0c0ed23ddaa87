/** Step 7, secret stripping: raw secrets leave the process only when the user asked for them (--show-secrets). */
import type { Finding } from '../../findings/finding.js';

export function stripSecrets(findings: Finding[], showSecrets: boolean): Finding[] {
  if (showSecrets) return findings;
  return findings.map((f) => {
    if (f.secret === undefined) return f;
    const { secret: _secret, ...rest } = f;
    return rest;
  });
}
