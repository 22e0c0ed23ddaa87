/**
 * Candidates found in decoded text: values a specific rule matched directly are not decoded again,
 * and what decoded text hides is reported at the encoded value's location.
 */
import type { Candidate } from '../candidate.js';
import type { EncodedValue } from './encoded-values.js';
import { SpanCursor } from './span-cursor.js';

/** The spans of the specific (not generic) candidates among `candidates`, as of now. */
export function specificSpans(candidates: readonly Candidate[]): SpanCursor {
  const count = candidates.length;
  return new SpanCursor(() => {
    const spans: number[] = [];
    const specific = candidates.slice(0, count).filter((c) => !c.compiled.rule.generic);
    specific.sort((x, y) => x.start - y.start);
    for (const c of specific) spans.push(c.start, c.end);
    return spans;
  });
}

/** A candidate found in decoded text, reported at the encoded value's location with the chain of encodings. */
export function relocated(inner: Candidate, encoded: EncodedValue): Candidate {
  const chain = inner.facts?.encoding ? `${encoded.kind}>${inner.facts.encoding}` : encoded.kind;
  return { ...inner, start: encoded.start, end: encoded.end, facts: { ...inner.facts, encoding: chain } };
}
