/**
 * How the human formats show fixtures (test and documentation data a generic rule matched; see
 * docs/context.md): the text report lists incidents and counts fixtures in one line unless asked
 * to list them; Markdown lists both and marks fixtures. Findings a scan did not classify have no
 * disposition and are shown as before.
 */
import type { Finding } from '../../findings/finding.js';

export function isFixture(f: Finding): boolean {
  return f.disposition === 'fixture';
}

/** The findings to list and the fixtures left out (none when `showFixtures`). */
export function splitFixtures(findings: readonly Finding[], showFixtures = false): { listed: Finding[]; hidden: Finding[] } {
  if (showFixtures) return { listed: [...findings], hidden: [] };
  const listed: Finding[] = [];
  const hidden: Finding[] = [];
  for (const f of findings) (isFixture(f) ? hidden : listed).push(f);
  return { listed, hidden };
}

/** The contexts the fixtures sit in, in a fixed order: `test/docs/example`. */
export function fixtureContexts(fixtures: readonly Finding[]): string {
  const order = ['test', 'docs', 'example', 'vendor', 'generated', 'source'];
  const present = new Set<string>(fixtures.map((f) => f.location.context ?? 'source'));
  return order.filter((c) => present.has(c)).join('/');
}

/** `3 fixture findings in test/docs files not shown (--show-fixtures to list)`, or nothing. */
export function hiddenFixturesLine(hidden: readonly Finding[]): string | undefined {
  const n = hidden.length;
  if (n === 0) return undefined;
  return `${n} fixture finding${n === 1 ? '' : 's'} in ${fixtureContexts(hidden)} files not shown (--show-fixtures to list)`;
}

/** `fixture (test)` for a fixture, else nothing. */
export function fixtureMarker(f: Finding): string | undefined {
  return isFixture(f) ? `fixture (${f.location.context ?? 'unknown context'})` : undefined;
}
