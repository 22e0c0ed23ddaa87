/**
 * The streaming JSON parser must read what JSON.parse reads, however the text is cut into pieces,
 * keep every string's line and column, and name the line and column of a syntax error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isObject, JsonStreamParser, JsonSyntaxError, type JsonRecord, type JsonValue, type PathPattern, type StringPositions } from '../../../src/sources/tickets/json-stream.js';

function parseInPieces(text: string, cuts: number[], recordPaths: PathPattern[]): JsonRecord[] {
  const records: JsonRecord[] = [];
  const parser = new JsonStreamParser({ recordPaths }, (r) => records.push(r));
  let last = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.write(text.slice(last, cut));
    last = cut;
  }
  parser.write(text.slice(last));
  parser.end();
  return records;
}

describe('JsonStreamParser', () => {
  it('reads any JSON value like JSON.parse, cut anywhere (escapes and surrogate pairs included)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        (value, pretty, rawCuts) => {
          const text = JSON.stringify(value, null, pretty ? 2 : undefined);
          const cuts = rawCuts.map((c) => c % (text.length + 1));
          const records = parseInPieces(text, cuts, [[]]);
          expect(records).toHaveLength(1);
          expect(records[0]?.value).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('streams array elements as separate records, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), (items) => {
        const text = JSON.stringify({ meta: { total: items.length }, issues: items, isLast: true });
        const records = parseInPieces(text, [7, 40, text.length - 3], [['issues', '*']]);
        expect(records.map((r) => r.value)).toEqual(JSON.parse(JSON.stringify(items)));
        expect(records.map((r) => r.path)).toEqual(items.map((_, i) => ['issues', i]));
      }),
    );
  });

  it("keeps each string's line and column: the character after its opening quote", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()), fc.dictionary(fc.string(), fc.string()))),
        fc.array(fc.nat(), { maxLength: 6 }),
        (value, rawCuts) => {
          const text = JSON.stringify([value], null, 2);
          const records = parseInPieces(text, rawCuts.map((c) => c % (text.length + 1)), [['*']]);
          const lines = text.split('\n');
          const check = (node: JsonValue, positions: StringPositions): void => {
            if (node === null || typeof node !== 'object') return;
            const entries: [string | number, JsonValue][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
            for (const [key, child] of entries) {
              if (typeof child === 'string') {
                const at = positions.get(node, key);
                expect(at).toBeDefined();
                const line = lines[(at?.line ?? 0) - 1] ?? '';
                expect(line[(at?.column ?? 0) - 2]).toBe('"');
                expect(line.slice((at?.column ?? 0) - 1).startsWith(JSON.stringify(child).slice(1))).toBe(true);
              } else check(child, positions);
            }
          };
          const record = records[0] as JsonRecord;
          check(record.value, record.positions);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads documents one after another (API pages appended to a file)', () => {
    const text = '{"issues":[1,2]}\n{"issues":[3]}  {"issues":[]}';
    expect(parseInPieces(text, [5], [['issues', '*']]).map((r) => r.value)).toEqual([1, 2, 3]);
  });

  it.each([
    ['{"issues":[{"key":"A-1"},{"key":"A-2","fields":{"summary":"x', 'unexpected end of input inside a string: the file is truncated', 1, 61, 'issues[1].fields.summary', ['A-1', 'A-2']],
    ['{"issues":[{"key":"A-1"},\n  {"key":"A-2"', 'unexpected end of input: the file is truncated', 2, 15, 'issues[1]', ['A-1', 'A-2']],
    ['{"issues":[{"key":"A-1"},\n  {"key" "A-2"}]}', "expected ':' but found '\"'", 2, 10, 'issues[1].key', ['A-1', undefined]],
    ['[1, 2,, 3]', "unexpected ','", 1, 7, '[2]', []],
    ['{"a":"bad \\q escape"}', 'invalid escape "\\q" in a string', 1, 11, 'a', []],
    ['{"a":tru}', 'unexpected "tru"', 1, 6, 'a', []],
    ['', 'no JSON value: the file is empty', 1, 1, '', []],
  ])('names the line and column of a syntax error: %j', (text, reason, line, column, where, keys) => {
    const records: JsonRecord[] = [];
    const parser = new JsonStreamParser({ recordPaths: [['issues', '*']] }, (r) => records.push(r));
    let error: unknown;
    try {
      parser.write(text);
      parser.end();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect(error).toMatchObject({ reason, line, column, where });
    // Records closed before the error were handed over, and the broken one with what it held.
    expect(records.map((r) => (isObject(r.value) ? r.value.key : r.value))).toEqual(keys);
  });

  it('hands back the unparsed rest after an error, starting at the error', () => {
    const parser = new JsonStreamParser({ recordPaths: [['*']] }, () => undefined);
    const text = '[{"a":1},\n {"b":2} oops {"c":"tail"}]';
    expect(() => parser.write(text)).toThrow(JsonSyntaxError);
    expect(parser.remainder()).toBe('oops {"c":"tail"}]');
    expect(parser.remainderPosition()).toEqual({ line: 2, column: 10 });
  });
});

describe('keys that are not ordinary', () => {
  it('a "__proto__" key is data, as with JSON.parse', () => {
    const text = '[{"__proto__":{"polluted":"yes"},"a":"b"}]';
    const [record] = parseInPieces(text, [], [['*']]);
    expect(record?.value).toEqual(JSON.parse(text)[0]);
    expect(Object.getPrototypeOf(record?.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
