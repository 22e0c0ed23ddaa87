/**
 * Spans (of a rule's direct matches), asked in order of position whether a value overlaps one:
 * the question decoding asks of every encoded value, answered in constant time.
 */
export class SpanCursor {
  private next = 0;
  private maxEnd = -1;
  private lastEnd = -1;
  private spans: readonly number[] | undefined;

  /** `spans()` gives flat [start, end, …] pairs sorted by start; it is called on the first question only (most texts decode nothing). */
  constructor(private readonly makeSpans: () => readonly number[]) {}

  /** True when a span overlaps [start, end). Values must come in order and not overlap each other; otherwise it starts over. */
  overlaps(start: number, end: number): boolean {
    const spans = (this.spans ??= this.makeSpans());
    if (end < this.lastEnd) {
      this.next = 0;
      this.maxEnd = -1;
    }
    this.lastEnd = end;
    // Every span starting before `end` has been seen; the one reaching furthest decides.
    while (this.next < spans.length && (spans[this.next] as number) < end) {
      this.maxEnd = Math.max(this.maxEnd, spans[this.next + 1] as number);
      this.next += 2;
    }
    return this.maxEnd > start;
  }
}
