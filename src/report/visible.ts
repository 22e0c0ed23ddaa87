/**
 * Text from scanned content (file names, commit authors, ticket fields, previews, provider answers)
 * made safe to show: characters that could steer a terminal (ESC sequences, OSC-8 links), forge
 * lines (C0, C1, line and paragraph separators) or reorder what a reader sees (bidi controls, the
 * "Trojan Source" trick) are replaced by a visible escape such as `\x1b` or `\u202e`. Every output
 * format uses this; each adds its own syntax escaping on top.
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOf(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with unsafe characters made visible; those in `keep` (e.g. `\n\t`) are left as they are. */
export function visible(text: string, keep = ''): string {
  return text.replace(UNSAFE, (c) => (keep.includes(c) ? c : escapeOf(c)));
}
