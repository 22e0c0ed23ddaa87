/**
 * ASCII character classes for the engine's hand-written scanning loops. Each class is written once,
 * as the body of a regex character class, and its lookup table is derived from that, so a loop and
 * the regex that takes over from it (a bounded search) cannot drift apart.
 */

/** Lookup table over ASCII: 1 for the characters of `[classBody]`, 0 for the others. */
export function charTable(classBody: string): Uint8Array {
  const member = new RegExp(`[${classBody}]`);
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (member.test(String.fromCharCode(c))) table[c] = 1;
  return table;
}
