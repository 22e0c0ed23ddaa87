/**
 * Driver for the WebAssembly keyword loop (keyword-scan.wat): the automaton's tables are copied
 * into its memory once per automaton, and text is scanned in blocks of WASM_BLOCK bytes, each
 * starting `overlap` bytes early so that a keyword crossing a block edge is found. One instance per
 * thread, shared by every automaton of that thread; an automaton whose tables are not the loaded
 * ones loads them again (in a process that scans, there is one automaton per thread).
 *
 * WebAssembly is part of every Node.js this project supports; should compiling or growing its
 * memory ever fail, `wasmKeywordScanner()` returns undefined and the JavaScript loop does the work.
 */
import { KEYWORD_SCAN_WASM } from './keyword-scan-wasm.js';

/** Bytes handed to one call of the loop; bounds the hit buffers. */
export const WASM_BLOCK = 256 * 1024;

/** What the loop needs of an automaton (see keywords.ts for the layout). */
export interface WasmTables {
  /** Premultiplied transitions (row = state × classes; ~row into an output state). */
  readonly delta: Int32Array;
  readonly classOf: Uint8Array;
  readonly classes: number;
  readonly outputStart: Int32Array;
  readonly outputs: Int32Array;
  readonly maxOutputs: number;
  /** Length of the longest keyword. */
  readonly maxLength: number;
}

type ScanExport = (
  t: number,
  n: number,
  emitAfter: number,
  overlap: number,
  cls: number,
  delta: number,
  os: number,
  outs: number,
  rowBytes: number,
  hits1: number,
  hits2: number,
) => number;

interface Layout {
  cls: number;
  delta: number;
  os: number;
  outs: number;
  hits1: number;
  hits2: number;
  text: number;
}

const PAGE = 65536;

/** The part of the WebAssembly API used here (the compiler's library settings do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

export class WasmKeywordScanner {
  private readonly memory: WasmMemory;
  private readonly scanBlock: ScanExport;
  private u8: Uint8Array;
  private i32: Int32Array;
  private loaded: WasmTables | undefined;
  private layout: Layout | undefined;

  constructor(api: WasmApi, module: object) {
    const instance = new api.Instance(module, {});
    this.memory = instance.exports.memory as WasmMemory;
    this.scanBlock = instance.exports.scan as ScanExport;
    this.u8 = new Uint8Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
  }

  /**
   * Scan `bytes` with the automaton of `tables`, calling `take(hits, count, offset)` for each
   * block's hits (flat [keyword, end] pairs in `hits`, ends relative to `offset`), in text order.
   * Stops after the block in which `keepGoing()` turns false. Only hits ending after `startAfter`
   * are taken (the first block starts early enough to see keywords that cross it).
   */
  scan(
    tables: WasmTables,
    bytes: Uint8Array,
    take: (hits: Int32Array, from: number, count: number, offset: number) => void,
    keepGoing: () => boolean,
    startAfter = 0,
  ): void {
    const layout = this.load(tables);
    const overlap = Math.max(0, tables.maxLength - 1);
    const n = bytes.length;
    for (let start = startAfter; start < n && keepGoing(); start += WASM_BLOCK) {
      const from = Math.max(0, start - overlap);
      const to = Math.min(n, start + WASM_BLOCK);
      this.u8.set(bytes.subarray(from, to), layout.text);
      const first = this.scanBlock(
        layout.text,
        to - from,
        start - from,
        overlap,
        layout.cls,
        layout.delta,
        layout.os,
        layout.outs,
        tables.classes * 4,
        layout.hits1,
        layout.hits2,
      );
      const second = this.i32[0] as number;
      take(this.i32, layout.hits1 >> 2, first, from);
      take(this.i32, layout.hits2 >> 2, second, from);
    }
  }

  /** Copy an automaton's tables into memory (growing it as needed), unless they are there already. */
  private load(tables: WasmTables): Layout {
    if (this.loaded === tables && this.layout) return this.layout;
    const overlap = Math.max(0, tables.maxLength - 1);
    // Each stream walks at most half a block plus twice the overlap, and writes at most
    // maxOutputs hits per byte, 8 bytes each.
    const hitBytes = (WASM_BLOCK / 2 + 2 * overlap + 16) * tables.maxOutputs * 8;
    const cls = 16;
    const delta = cls + 256 * 4;
    const os = delta + tables.delta.length * 4;
    const outs = os + tables.outputStart.length * 4;
    const hits1 = align(outs + tables.outputs.length * 4);
    const hits2 = hits1 + hitBytes;
    const text = hits2 + hitBytes;
    const end = text + WASM_BLOCK + overlap;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      this.memory.grow(Math.ceil((end - have) / PAGE));
      this.u8 = new Uint8Array(this.memory.buffer);
      this.i32 = new Int32Array(this.memory.buffer);
    }
    const i32 = this.i32;
    for (let b = 0; b < 256; b++) i32[(cls >> 2) + b] = (tables.classOf[b] as number) * 4;
    // The loop addresses rows in bytes: entries are the premultiplied rows × 4 (complemented alike).
    const d = tables.delta;
    const base = delta >> 2;
    for (let k = 0; k < d.length; k++) {
      const v = d[k] as number;
      i32[base + k] = v >= 0 ? v * 4 : ~(~v * 4);
    }
    i32.set(tables.outputStart, os >> 2);
    i32.set(tables.outputs, outs >> 2);
    this.loaded = tables;
    this.layout = { cls, delta, os, outs, hits1, hits2, text };
    return this.layout;
  }
}

function align(offset: number): number {
  return (offset + 15) & ~15;
}

let shared: WasmKeywordScanner | null | undefined;

/** This thread's WebAssembly keyword loop, or undefined when WebAssembly cannot be used. */
export function wasmKeywordScanner(): WasmKeywordScanner | undefined {
  if (shared === undefined) {
    try {
      shared = wasmApi ? new WasmKeywordScanner(wasmApi, new wasmApi.Module(Buffer.from(KEYWORD_SCAN_WASM, 'base64'))) : null;
    } catch {
      shared = null;
    }
  }
  return shared ?? undefined;
}

/** Forget a scanner whose memory could not grow, so the JavaScript loop takes over. */
export function disableWasmKeywordScanner(): void {
  shared = null;
}
