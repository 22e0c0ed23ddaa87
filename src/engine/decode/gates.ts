/**
 * Where decoding looks: decoders are gated by keywords like rules, and their windows are merged
 * into one ordered list so that no text is decoded twice.
 */
import { DEFAULT_AFTER, windowShape, type GateLists, type WindowShape } from '../windows.js';

/**
 * Decoders are gated like rules. Line-level: an encoded value on a line that names a credential.
 * Document-level: a Kubernetes Secret or a Docker config, whose values are base64 whatever the key.
 */
export interface DecoderGate extends WindowShape {
  readonly keywords: readonly string[];
}

export const DECODER_GATES: readonly DecoderGate[] = [
  {
    // Credential words, not every word that contains one (`author`, `private` alone, `connection`
    // gated too many ordinary lines). The window reaches 64 characters back and the default
    // distance forward on the line. On a line longer than the default window (a minified bundle, where credential words recur every
    // thousand characters and windows would merge into the whole file), only a value just after
    // the word (or just before it) is decoded: in the bench corpus, the 5% of bytes on such lines
    // made up 57% of the text the decoder looked at. Only 64 characters back on any line: the
    // encoded value follows the word that names it (or holds it, as `%2F` sits in a URL).
    keywords: ['secret', 'token', 'passw', 'pwd', 'credential', 'apikey', 'api_key', 'api-key', 'private_key', 'privatekey', 'private-key', 'auth_', 'auth:', 'auth=', 'auth"', "auth'", 'authorization', 'base64', 'b64', '%2f', '%3a', '%40', '%3d', '%2b'],
    ...windowShape(64, DEFAULT_AFTER, false),
    longLine: { before: 32, after: 256 },
  },
  {
    keywords: ['kind: secret', 'kind: "secret"', '"kind": "secret"', '.dockerconfigjson', 'client-key-data', 'stringdata'],
    ...windowShape(65536, 65536, true),
  },
];

/**
 * SQL INSERT statements, whose column lists decode/tables.ts reads: gated like a decoder so that a
 * text without one is not searched for it, but never decoded.
 */
export const TABLE_GATE: DecoderGate = { keywords: ['insert into'], ...windowShape(0, 0, false) };

/**
 * The windows of the decoder gates in [from, to) (each list ordered, and there are two gates),
 * merged into one ordered list, so that no text is decoded twice.
 */
export function decoderWindows(gates: GateLists, from: number, to: number): ArrayLike<number> {
  const lists: Int32Array[] = [];
  for (const gate of gates.touched) {
    if (gate >= from && gate < to) lists.push((gates.lists[gate] as Int32Array).subarray(0, gates.lengths[gate] as number));
  }
  if (lists.length <= 1) return lists[0] ?? [];
  const out: number[] = [];
  const add = (a: number, b: number): void => {
    if (out.length > 0 && a <= (out[out.length - 1] as number)) out[out.length - 1] = Math.max(out[out.length - 1] as number, b);
    else out.push(a, b);
  };
  const positions = lists.map(() => 0);
  for (;;) {
    // The list whose next window starts first.
    let pick = -1;
    for (let l = 0; l < lists.length; l++) {
      const at = positions[l] as number;
      const list = lists[l] as Int32Array;
      if (at < list.length && (pick < 0 || (list[at] as number) < ((lists[pick] as Int32Array)[positions[pick] as number] as number))) pick = l;
    }
    if (pick < 0) return out;
    const list = lists[pick] as Int32Array;
    const at = positions[pick] as number;
    add(list[at] as number, list[at + 1] as number);
    positions[pick] = at + 2;
  }
}
