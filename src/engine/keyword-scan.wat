;; The keyword automaton's byte loop, in WebAssembly. Built into keyword-scan-wasm.ts by
;; `npm run build:wasm`; a test checks that the two agree.
;;
;; The loop is the same DFA walk as the JavaScript one in keywords.ts, run as two independent
;; streams over the two halves of a block. A DFA step depends on the step before it (the next
;; state's row is loaded from the current one), so one stream waits on memory latency at every
;; byte; two streams in one loop overlap those waits and run well ahead of one stream, while three
;; or four gained nothing more (figures in bench/README.md).
;;
;; Memory, all offsets in bytes, laid out by the caller:
;;   0      count of stream 2's hits (stream 1's is the return value)
;;   cls    i32 per byte value: its character class × 4
;;   delta  i32 transition table; entry = next row's byte offset (state × classes × 4), stored
;;          as its bitwise complement when the next state completes a keyword
;;   os     i32 per state: start index in outs of its keyword list, or -1
;;   outs   i32 keyword lists, each ending with -1
;;   hits1, hits2   (keyword, end) i32 pairs written by each stream
;;   text   the bytes scanned
;; A hit's end is exclusive and relative to `t`.
(module
  (memory (export "memory") 1)

  ;; Write the keywords of the state at byte offset `row` as hits ending at `end`; new hit pointer.
  (func $emit (param $row i32) (param $end i32) (param $hp i32) (param $os i32) (param $outs i32) (param $rowBytes i32) (result i32)
    (local $o i32) (local $kw i32)
    (local.set $o (i32.load (i32.add (local.get $os) (i32.shl (i32.div_u (local.get $row) (local.get $rowBytes)) (i32.const 2)))))
    (block $end_of_list
      (loop $next_keyword
        (local.set $kw (i32.load (i32.add (local.get $outs) (i32.shl (local.get $o) (i32.const 2)))))
        (br_if $end_of_list (i32.lt_s (local.get $kw) (i32.const 0)))
        (i32.store (local.get $hp) (local.get $kw))
        (i32.store offset=4 (local.get $hp) (local.get $end))
        (local.set $hp (i32.add (local.get $hp) (i32.const 8)))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (br $next_keyword)))
    (local.get $hp))

  ;; Scan text[t, t + n). Hits ending at or before `emitAfter` (relative to t) are not written:
  ;; the caller starts a block `emitAfter` bytes early so that keywords crossing into it are seen.
  ;; Stream 1 walks [t, mid); stream 2 starts `overlap` (longest keyword - 1) bytes before mid and
  ;; writes only hits that end after mid, so each hit is written by exactly one stream, and the hits
  ;; of stream 1 followed by those of stream 2 are in order of their end.
  (func (export "scan")
    (param $t i32) (param $n i32) (param $emitAfter i32) (param $overlap i32)
    (param $cls i32) (param $delta i32) (param $os i32) (param $outs i32) (param $rowBytes i32)
    (param $hits1 i32) (param $hits2 i32)
    (result i32)
    (local $i i32) (local $j i32) (local $mid i32) (local $end i32)
    (local $row1 i32) (local $row2 i32) (local $next1 i32) (local $next2 i32)
    (local $hp1 i32) (local $hp2 i32) (local $after1 i32) (local $after2 i32)
    (local.set $end (i32.add (local.get $t) (local.get $n)))
    (local.set $mid (i32.add (local.get $t) (i32.shr_u (local.get $n) (i32.const 1))))
    (local.set $i (local.get $t))
    (local.set $j (i32.sub (local.get $mid) (local.get $overlap)))
    (if (i32.lt_s (local.get $j) (local.get $t)) (then (local.set $j (local.get $t))))
    (local.set $after1 (i32.add (local.get $t) (local.get $emitAfter)))
    (local.set $after2 (select (local.get $mid) (local.get $after1) (i32.gt_u (local.get $mid) (local.get $after1))))
    (local.set $hp1 (local.get $hits1))
    (local.set $hp2 (local.get $hits2))
    ;; Both streams together until stream 1 reaches mid (stream 2 is never shorter).
    (block $joint_done
      (loop $joint
        (br_if $joint_done (i32.ge_u (local.get $i) (local.get $mid)))
        (local.set $next1
          (i32.load (i32.add (i32.add (local.get $delta) (local.get $row1))
            (i32.load (i32.add (local.get $cls) (i32.shl (i32.load8_u (local.get $i)) (i32.const 2)))))))
        (local.set $next2
          (i32.load (i32.add (i32.add (local.get $delta) (local.get $row2))
            (i32.load (i32.add (local.get $cls) (i32.shl (i32.load8_u (local.get $j)) (i32.const 2)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (if (i32.ge_s (local.get $next1) (i32.const 0))
          (then (local.set $row1 (local.get $next1)))
          (else
            (local.set $row1 (i32.xor (local.get $next1) (i32.const -1)))
            (if (i32.gt_u (local.get $i) (local.get $after1))
              (then (local.set $hp1 (call $emit (local.get $row1) (i32.sub (local.get $i) (local.get $t))
                (local.get $hp1) (local.get $os) (local.get $outs) (local.get $rowBytes)))))))
        (if (i32.ge_s (local.get $next2) (i32.const 0))
          (then (local.set $row2 (local.get $next2)))
          (else
            (local.set $row2 (i32.xor (local.get $next2) (i32.const -1)))
            (if (i32.gt_u (local.get $j) (local.get $after2))
              (then (local.set $hp2 (call $emit (local.get $row2) (i32.sub (local.get $j) (local.get $t))
                (local.get $hp2) (local.get $os) (local.get $outs) (local.get $rowBytes)))))))
        (br $joint)))
    ;; The rest of stream 2.
    (block $tail_done
      (loop $tail
        (br_if $tail_done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $next2
          (i32.load (i32.add (i32.add (local.get $delta) (local.get $row2))
            (i32.load (i32.add (local.get $cls) (i32.shl (i32.load8_u (local.get $j)) (i32.const 2)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (if (i32.ge_s (local.get $next2) (i32.const 0))
          (then (local.set $row2 (local.get $next2)))
          (else
            (local.set $row2 (i32.xor (local.get $next2) (i32.const -1)))
            (if (i32.gt_u (local.get $j) (local.get $after2))
              (then (local.set $hp2 (call $emit (local.get $row2) (i32.sub (local.get $j) (local.get $t))
                (local.get $hp2) (local.get $os) (local.get $outs) (local.get $rowBytes)))))))
        (br $tail)))
    (i32.store (i32.const 0) (i32.shr_u (i32.sub (local.get $hp2) (local.get $hits2)) (i32.const 3)))
    (i32.shr_u (i32.sub (local.get $hp1) (local.get $hits1)) (i32.const 3)))
)
