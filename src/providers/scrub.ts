/**
 * The last line of defence for "never print a secret": every string a provider module returns
 * (reasons, identities, revoke details) goes through a scrubber that knows the run's secrets and
 * replaces them, in the forms a server might echo them, with "[the token]".
 */

const REPLACEMENT = '[the token]';
/** Server messages are cut to this length: a reason is one line, not a page. */
const MAX_TEXT = 300;
/** Shorter values are too common to replace blindly (and no verified credential is this short). */
const MIN_SECRET = 8;

export type Scrubber = (text: string) => string;

/** The forms a secret can take in an echoed request: raw, URL-encoded, JSON-escaped, base64. */
function formsOf(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(encodeURIComponent(secret));
  forms.add(JSON.stringify(secret).slice(1, -1));
  forms.add(Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''));
  forms.add(Buffer.from(secret, 'utf8').toString('base64url'));
  return [...forms].filter((f) => f.length >= MIN_SECRET).sort((a, b) => b.length - a.length);
}

export function makeScrubber(secrets: readonly (string | undefined)[]): Scrubber {
  const forms = secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET).flatMap(formsOf);
  return (text: string): string => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REPLACEMENT);
    // Control characters could forge extra lines in terminals and logs.
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    out = out.replace(/[\u0000-\u001f\u007f]+/g, ' ');
    return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT - 1)}…` : out;
  };
}

/** Scrub every string value of a flat record. */
export function scrubRecord(record: Record<string, string> | undefined, scrub: Scrubber): Record<string, string> | undefined {
  if (!record) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) out[scrub(key)] = scrub(value);
  return out;
}
