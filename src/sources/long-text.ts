/**
 * Split a long text stream into overlapping chunks so memory stays bounded whatever the input size.
 *
 * Each chunk carries the line and column of its first character and an `acceptBefore` offset:
 * a match that starts at or after it belongs to the next chunk (which starts there and repeats the
 * overlap), so nothing is reported twice and a secret up to `overlap` characters long is never cut.
 * Cuts fall on a line break when there is one in the second half of the chunk, otherwise between
 * tokens, so the next chunk never starts in the middle of a token.
 */

export interface TextPiece {
  text: string;
  /** 1-based line and column of the first character. */
  line: number;
  column: number;
  /** Matches starting at or after this offset are left to the next piece. */
  acceptBefore: number;
}

export interface ChunkerOptions {
  chunkSize?: number;
  overlap?: number;
}

const DEFAULT_CHUNK = 4 * 1024 * 1024;
const DEFAULT_OVERLAP = 64 * 1024;

export class TextChunker {
  private buffer = '';
  private line = 1;
  private column = 1;
  private readonly chunkSize: number;
  private readonly overlap: number;

  constructor(options: ChunkerOptions = {}) {
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
    this.overlap = options.overlap ?? DEFAULT_OVERLAP;
  }

  push(text: string): TextPiece[] {
    this.buffer += text;
    const out: TextPiece[] = [];
    while (this.buffer.length >= this.chunkSize + this.overlap) {
      const text = this.buffer.slice(0, this.chunkSize + this.overlap);
      const cut = this.chooseCut(text);
      out.push({ text, line: this.line, column: this.column, acceptBefore: cut });
      this.advance(text, cut);
      this.buffer = this.buffer.slice(cut);
    }
    return out;
  }

  end(): TextPiece[] {
    if (this.buffer.length === 0 && (this.line > 1 || this.column > 1)) return [];
    const piece = { text: this.buffer, line: this.line, column: this.column, acceptBefore: Number.POSITIVE_INFINITY };
    this.buffer = '';
    return [piece];
  }

  private chooseCut(text: string): number {
    const nl = text.lastIndexOf('\n', this.chunkSize - 1);
    if (nl >= this.chunkSize / 2) return nl + 1;
    const floor = Math.max(1, this.chunkSize - this.overlap);
    for (let i = this.chunkSize; i > floor; i--) {
      const c = text.charCodeAt(i - 1);
      // space, tab, quotes, comma, semicolon, brackets, angle brackets
      if (c === 32 || c === 9 || c === 34 || c === 39 || c === 44 || c === 59 || c === 40 || c === 41 || c === 60 || c === 62 || c === 123 || c === 125 || c === 91 || c === 93) {
        return i;
      }
    }
    return this.chunkSize;
  }

  private advance(text: string, cut: number): void {
    let lastNl = -1;
    for (let i = text.indexOf('\n'); i >= 0 && i < cut; i = text.indexOf('\n', i + 1)) {
      this.line++;
      lastNl = i;
    }
    this.column = lastNl >= 0 ? cut - lastNl : this.column + cut;
  }
}
