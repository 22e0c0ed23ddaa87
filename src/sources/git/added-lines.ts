/**
 * What a new version of a file adds over its previous versions, computed from the two blobs rather
 * than from `git diff`: its lines that no previous version has. For finding secrets this differs
 * from a diff only where nothing is lost: a line a diff calls added but that the previous version
 * already held elsewhere (moved, or repeated) was there before, so it is not new. Line numbers are
 * the new file's, as in a patch.
 *
 * The output is the patch parser's: pieces of at most PIECE_CHARS characters, with the same size
 * cap on what one file adds.
 */
import type { CommitMeta, PatchChunk } from './patch-parser.js';

const PIECE_CHARS = 4 * 1024 * 1024;

export interface AddedText {
  chunks: PatchChunk[];
  /** Set when the additions passed `maxBytes`: the rest was not scanned (same words as the parser's). */
  capped?: string;
}

export function addedText(path: string, commit: CommitMeta | undefined, next: Buffer, previous: readonly Buffer[], maxBytes: number): AddedText {
  const known = new Set<string>();
  for (const old of previous) for (const line of lines(old)) known.add(line);
  const chunks: PatchChunk[] = [];
  let piece: string[] = [];
  let lineMap: number[] = [];
  let chars = 0;
  let bytes = 0;
  let total = 0;
  const flush = (): void => {
    if (piece.length > 0) chunks.push({ commit, path, text: piece.join('\n'), lineMap, bytes });
    piece = [];
    lineMap = [];
    chars = 0;
    bytes = 0;
  };
  const all = lines(next);
  for (let i = 0; i < all.length; i++) {
    const line = all[i] as string;
    if (known.has(line)) continue;
    const size = Buffer.byteLength(line) + 1;
    if (total + size > maxBytes) {
      flush();
      return { chunks, capped: `additions larger than the size cap (${maxBytes} bytes); the rest was not scanned` };
    }
    total += size;
    bytes += size;
    piece.push(line);
    lineMap.push(i + 1);
    chars += line.length + 1;
    if (chars >= PIECE_CHARS) flush();
  }
  flush();
  return { chunks };
}

/** Lines as a patch shows them: split at `\n` (a `\r` stays), no empty line after a final newline. */
function lines(content: Buffer): string[] {
  const text = content.toString('utf8');
  if (text === '') return [];
  const split = text.split('\n');
  if (text.endsWith('\n')) split.pop();
  return split;
}
