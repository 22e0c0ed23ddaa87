/** What decoding may still produce in one scan, and where it stopped when it ran out. */
export class DecodeBudget {
  /** Characters of encoded text handed to a decoder so far, over all depths (what a decoded value can hold at most). */
  chars = 0;
  /** Encoded values left undecoded because the budget was spent. */
  skipped = 0;
  /** Offset in the scanned text of the first value left undecoded, or -1. */
  stoppedAt = -1;
  /** While decoding text that was itself decoded: the offset, in the scanned text, of the outermost encoded value. */
  nestedAt = -1;

  constructor(readonly limit: number) {}

  get spent(): boolean {
    return this.chars >= this.limit;
  }

  /** Record a value at `at` (an offset in the text being decoded) left undecoded. */
  skip(at: number): void {
    this.skipped++;
    if (this.stoppedAt < 0) this.stoppedAt = this.nestedAt >= 0 ? this.nestedAt : at;
  }
}
