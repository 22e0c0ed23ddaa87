import { describe, expect, it } from 'vitest';
import { isAscii } from 'node:buffer';
import { Detector } from '../src/engine/detector.js';
import { encodedValues } from '../src/engine/decode/encoded-values.js';
import { KeywordAutomaton } from '../src/engine/keywords.js';
import { isPlaceholder } from '../src/engine/placeholders.js';
import { shannonEntropy } from '../src/engine/entropy.js';
import { jwt } from '../src/engine/refine/jwt.js';
import { ruleSchema, type RuleInput } from '../src/rules/schema.js';
import { TextChunker } from '../src/sources/long-text.js';
import { ChunkScanner } from '../src/scan/chunk-scanner.js';
import { fakeGithubPat } from './support/engine-fakes.js';

const rule = (input: Partial<RuleInput> & Pick<RuleInput, 'id' | 'pattern'>) =>
  ruleSchema.parse({
    name: `rule ${input.id}`,
    provider: 'test',
    severity: 'high',
    lifetime: 'long-lived',
    keywords: ['tok_'],
    remediation: 'Rotate it and use short-lived credentials.',
    examples: ['unused'],
    negative_examples: ['unused'],
    ...input,
  });

const tokenRule = rule({ id: 'tok', pattern: '\\b(tok_[A-Za-z0-9]{20})\\b', entropy: 3 });

describe('KeywordAutomaton', () => {
  it('finds overlapping keywords, case-insensitively, with their end offsets', () => {
    const ac = new KeywordAutomaton(['he', 'she', 'hers', 'his']);
    const { hits, count } = ac.scan('uSHErs');
    const found = Array.from({ length: count }, (_, i) => [ac.keywords[hits[i * 2]!], hits[i * 2 + 1]]);
    expect(found).toEqual([
      ['she', 4],
      ['he', 4],
      ['hers', 6],
    ]);
  });
  it('treats non-ASCII characters as breaks, never as keyword characters', () => {
    const ac = new KeywordAutomaton(['key']);
    expect(ac.scan('kéy k\u00ffey key').count).toBe(1);
  });
  it('caps the number of hits it keeps and says so', () => {
    const ac = new KeywordAutomaton(['a']);
    const r = ac.scan('a'.repeat(100), 10);
    expect(r.count).toBe(10);
    expect(r.truncated).toBe(true);
  });
});

describe('Detector', () => {
  const secret = 'tok_Ab3dE5fG7hJ9kL1mN3pQ'; // sprawlguard:allow (a fake for the test rule)

  it('reports the secret group with 1-based line and column', () => {
    const d = new Detector([tokenRule]);
    const [m, ...rest] = d.scan(`first line\n  key = "${secret}"\n`);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ secret, line: 2, column: 10, endLine: 2, endColumn: 9 + secret.length });
  });

  it('does not run a rule whose keyword is absent', () => {
    const r = rule({ id: 'gated', keywords: ['zzz_'], pattern: '(tok_[A-Za-z0-9]{20})' });
    expect(new Detector([r]).scan(secret)).toEqual([]);
  });

  it('finds a secret far into a 10 MB single line (window clipped around the hit)', () => {
    const pad = 'var a=1;'.repeat(700_000);
    const text = `${pad}x="${secret}";${pad}`;
    const [m] = new Detector([tokenRule]).scan(text);
    expect(m?.column).toBe(pad.length + 4);
  });

  it('finds every secret on a long line full of keyword hits', () => {
    const parts = Array.from({ length: 2000 }, (_, i) => `tok_${String(i).padStart(4, '0')}Ab3dE5fG7hJ9kL1m`);
    const matches = new Detector([tokenRule]).scan(parts.join(' '));
    expect(matches).toHaveLength(2000);
  });

  it('honours sprawlguard:allow and gitleaks:allow on the secret line only', () => {
    const d = new Detector([tokenRule]);
    expect(d.scan(`k=${secret} # sprawlguard:allow`)).toEqual([]);
    expect(d.scan(`k=${secret} // gitleaks:allow`)).toEqual([]);
    expect(d.scan(`# sprawlguard:allow\nk=${secret}`)).toHaveLength(1);
    expect(new Detector([tokenRule], { inlineAllow: false }).scan(`k=${secret} # sprawlguard:allow`)).toHaveLength(1);
  });

  it('drops placeholders, low-entropy values and allowlisted secrets', () => {
    const d = new Detector([tokenRule], { allowSecretRegexes: [/^tok_Zz/] });
    expect(d.scan('k=tok_xxxxxxxxxxxxxxxxxxxx')).toEqual([]);
    expect(d.scan('k=tok_aaaaaaaaaaaaaaaaaaaa')).toEqual([]);
    expect(d.scan('k=tok_Zz3dE5fG7hJ9kL1mN3pQ')).toEqual([]);
    expect(new Detector([tokenRule], { stopwords: ['e5fg7'] }).scan(`k=${secret}`)).toEqual([]);
  });

  it('lets a specific rule win over a generic one on the same secret, keeping both on distinct secrets', () => {
    const generic = rule({ id: 'generic', generic: true, confidence: 'low', keywords: ['key'], pattern: 'key\\s*=\\s*"([^"]{8,})"' });
    const d = new Detector([generic, tokenRule]);
    expect(d.scan(`key = "${secret}"`).map((m) => m.rule.id)).toEqual(['tok']);
    expect(d.scan(`key = "n0tAt0kenButS3cret"`).map((m) => m.rule.id)).toEqual(['generic']);
  });

  it('rejects matches an established checksum refuses and keeps checksum-valid ones', () => {
    const gh = rule({ id: 'gh', keywords: ['ghp_'], pattern: '\\b(ghp_[A-Za-z0-9]{36})\\b', checksum: 'github-crc32' });
    const valid = fakeGithubPat(7);
    const broken = valid.slice(0, -1) + (valid.endsWith('A') ? 'B' : 'A');
    const d = new Detector([gh]);
    expect(d.scan(`t=${valid}`)).toHaveLength(1);
    expect(d.scan(`t=${broken}`)).toHaveLength(0);
  });

  it('spans lines for multi-line rules and reports the end line', () => {
    const pem = rule({
      id: 'pem',
      keywords: ['-----begin'],
      pattern: '(-----BEGIN KEY-----[\\s\\S]{1,200}?-----END KEY-----)',
      window: { before: 0, after: 4096, multiline: true },
    });
    const [m] = new Detector([pem]).scan('x\n-----BEGIN KEY-----\nAbCdEf0123\nGhIjKl4567\n-----END KEY-----\n');
    expect(m).toMatchObject({ line: 2, column: 1, endLine: 5, endColumn: 17 });
  });
});

describe('refiners', () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  it('reads a JWT expiry and classifies its lifetime', () => {
    const token = `${b64({ alg: 'HS256' })}.${b64({ iat: 1_700_000_000, exp: 1_700_003_600 })}.c2ln`;
    expect(jwt(token, { now: Date.parse('2026-01-01') })).toMatchObject({ lifetime: 'ephemeral', expired: true, expiresAt: '2023-11-14T23:13:20.000Z' });
  });
  it('rejects a JWT look-alike whose segments are not JSON', () => {
    expect(jwt('eyJub3Rqc29u.eyJhbHNvbm90.c2ln', { now: 0 })).toBeNull();
  });
});

describe('placeholders and entropy', () => {
  it.each(['${GITHUB_TOKEN}', '{{ secrets.TOKEN }}', '<your-api-key>', 'process.env.API_KEY', 'AKIAXXXXXXXXXXXXXXXX', 'changeme', '********', 'abcabcabcabc', '0123456789abcdef'])(
    '%s is a placeholder',
    (value) => expect(isPlaceholder(value)).toBe(true),
  );
  it.each(['tok_Ab3dE5fG7hJ9kL1mN3pQ', 'hX9!mQ2#vL7p'])('%s is not', (value) => expect(isPlaceholder(value)).toBe(false));
  it('takes a token whose random part was typed as the alphabet for filler, but not a token with a 0123456789 id in it', () => {
    expect(isPlaceholder(['MTA5ODc2NTQz', 'GhXyZa', 'Kq' + 'abcdefghijklmnopqrstuvwxyz' + 'Rt'].join('.'))).toBe(true);
    expect(isPlaceholder(['xapp', '1', 'A05QX8K2L9M', '6012345678901', 'e55c1f27b6af5190d3853304677518a5'].join('-'))).toBe(false);
  });
  it('measures Shannon entropy in bits per character', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});

describe('chunked scanning', () => {
  it('finds every secret exactly once, with true positions, across chunk boundaries', () => {
    const scanner = new ChunkScanner({ rules: [tokenRule], allowSecretRegexes: [], stopwords: [] });
    const lines: string[] = [];
    const expected: number[] = [];
    for (let i = 0; i < 3000; i++) {
      if (i % 97 === 5) {
        lines.push(`v${i} = tok_${String(i).padStart(4, '0')}Ab3dE5fG7hJ9kL1m`);
        expected.push(i + 1);
      } else lines.push(`line ${i} with some ordinary text to fill the chunk`);
    }
    const chunker = new TextChunker({ chunkSize: 4096, overlap: 512 });
    const text = lines.join('\n');
    const found: number[] = [];
    // Feed in uneven pieces, as a stream would arrive.
    for (let i = 0; i < text.length; i += 1234) {
      for (const p of chunker.push(text.slice(i, i + 1234))) {
        found.push(...scanner.scan({ text: p.text, origin: { source: 'file', path: 'f', line: p.line, column: p.column }, acceptBefore: p.acceptBefore }).map((f) => f.location.line));
      }
    }
    for (const p of chunker.end()) {
      found.push(...scanner.scan({ text: p.text, origin: { source: 'file', path: 'f', line: p.line, column: p.column }, acceptBefore: p.acceptBefore }).map((f) => f.location.line));
    }
    expect(found).toEqual(expected);
  });

  it('keeps columns right when a long line is cut mid-line', () => {
    const scanner = new ChunkScanner({ rules: [tokenRule], allowSecretRegexes: [], stopwords: [] });
    const text = `${'a=1; '.repeat(3000)}k="tok_Ab3dE5fG7hJ9kL1mN3pQ"`;
    const chunker = new TextChunker({ chunkSize: 2048, overlap: 256 });
    const cols = [...chunker.push(text), ...chunker.end()].flatMap((p) =>
      scanner.scan({ text: p.text, origin: { source: 'file', path: 'f', line: p.line, column: p.column }, acceptBefore: p.acceptBefore }).map((f) => f.location.column),
    );
    expect(cols).toEqual([15004]);
  });
});

describe('decoding', () => {
  const gh = rule({ id: 'gh', keywords: ['ghp_'], pattern: '\\b(ghp_[A-Za-z0-9]{36})\\b', checksum: 'github-crc32' });
  const token = fakeGithubPat(21);
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it('finds a token inside a Kubernetes Secret data value, at the encoded value, with the same fingerprint input', () => {
    const yaml = ['apiVersion: v1', 'data:', `  GH: ${b64(token)}`, 'kind: Secret', 'metadata:', '  name: ci'].join('\n');
    const [m, ...rest] = new Detector([gh]).scan(yaml);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ secret: token, line: 3, column: 7, facts: { encoding: 'base64' } });
    expect(m!.end - m!.start).toBe(b64(token).length);
  });

  it('decodes base64 and percent-encoding on credential lines, nested up to the depth limit', () => {
    const d = new Detector([gh]);
    expect(d.scan(`auth_header = "${b64(`user:${token}`)}"`)).toHaveLength(1);
    expect(d.scan(`secret=${encodeURIComponent(`x ${token} y`)}`)[0]?.facts).toEqual({ encoding: 'percent' });
    expect(d.scan(`token: ${b64(b64(token))}`)[0]?.facts).toEqual({ encoding: 'base64>base64' });
    expect(d.scan(`token: ${b64(b64(b64(token)))}`)).toEqual([]);
    expect(new Detector([gh], { decodeDepth: 0 }).scan(`token: ${b64(token)}`)).toEqual([]);
  });

  it('does not decode values on lines without a credential word, nor report a direct match twice', () => {
    const d = new Detector([gh]);
    expect(d.scan(`image: ${b64(token)}`)).toEqual([]);
    expect(d.scan(`token=${token}`)).toHaveLength(1);
  });

  it('ignores base64 that decodes to binary (integrity hashes)', () => {
    const integrity = 'sha512-' + Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)).toString('base64');
    expect(new Detector([gh]).scan(`"integrity": "${integrity}", "token": 1`)).toEqual([]);
  });
});

describe('captureGroupCount', () => {
  it.each([
    ['(a)', 1],
    ['(?:a)(b)', 1],
    ['(?<name>a)(?<=b)(?<!c)(?=d)(?!e)', 1],
    ['[(](a)', 1],
    ['\\((a)\\)', 1],
    ['[\\]()](x)', 1],
    ['(a)(b)', 2],
    ['a', 0],
  ])('%s has %i', async (pattern, expected) => {
    const { captureGroupCount } = await import('../src/engine/compile.js');
    expect(captureGroupCount(pattern)).toBe(expected);
    // Agrees with the regex engine itself.
    expect((new RegExp(`${pattern}|`).exec('') as RegExpExecArray).length - 1).toBe(expected);
  });
});

// Appended cases for the accuracy work (imports hoist; kept here so earlier lines stay untouched).
import { genericSecretValue } from '../src/engine/refine.js';

describe('generic value refiner', () => {
  const value = (v: string, before = 'x = "', after = '"') => genericSecretValue(v, { now: 0, before, after });
  const random = ['Xk9', '#mQ2', 'vL7pZ', '!w4R'].join('');

  it('keeps generated-looking values, with a confidence that follows their strength', () => {
    expect(value(random)).toEqual({ confidence: 'medium' });
    expect(value(['q7', 'Lm', 'x2', 'Pz'].join(''))).toEqual({ confidence: 'low' });
  });

  it('tells an unquoted identifier that ends a statement from a quoted literal', () => {
    const identifier = ['next', 'Token', '2'].join('');
    expect(value(identifier, 'token = ', ';')).toBeNull();
    expect(value(identifier, 'token: ', ' }')).toBeNull();
  });

  it('rejects references, ciphertext, labels and addresses', () => {
    for (const v of ['vault:secret/data/app#db_password', 'arn:aws:iam::123456789012:role/deploy', 'ENC[AES256_GCM,data:abc]', 'ops@acmecorp.io', 'test-token-123', 'InterpolationInTemplate']) {
      expect(value(v), v).toBeNull();
    }
    expect(value('TOKEN_TYPE', 'TOKEN_TYPE = "', '"')).toBeNull();
  });

  it('judges escaped values by what they hold', () => {
    expect(value('&lt;hidden&gt;')).toBeNull();
    expect(value(Buffer.from('changeme').toString('base64'))).toBeNull();
  });
});

describe('JWT signature sizes', () => {
  const b64u = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const token = (alg: string, sigBytes: number) => `${b64u({ alg })}.${b64u({ sub: 'svc', iat: 1_700_000_000 })}.${Buffer.alloc(sigBytes, 5).toString('base64url')}`;

  it('notes a signature that cannot come from the stated algorithm and lowers confidence', () => {
    expect(jwt(token('RS256', 9), { now: 0 })).toMatchObject({ confidence: 'low', facts: { signature: 'does not fit the algorithm' } });
    expect(jwt(token('HS256', 32), { now: 0 })?.facts?.signature).toBeUndefined();
    expect(jwt(token('ES256', 64), { now: 0 })?.confidence).toBeUndefined();
  });
});

describe('placeholder fillers', () => {
  it('treats stitched ascending runs and end padding as fillers, not random values', () => {
    expect(isPlaceholder(['abc', '123', 'xyz', '456'].join(''))).toBe(true);
    expect(isPlaceholder(['Personal', 'Access', 'Token', '0'.repeat(8)].join(''))).toBe(true);
    expect(isPlaceholder(['k2', 'Qz', '9m', 'Xv', 'L7'].join(''))).toBe(false);
  });

  it('treats only complete substitutions as templates', () => {
    expect(isPlaceholder('${DB_PASSWORD}')).toBe(true);
    expect(isPlaceholder('$(vault read -field=pw x)')).toBe(true);
    expect(isPlaceholder(['hj', 'd+(-d8', 'm5$(q'].join(''))).toBe(false);
    expect(isPlaceholder(['<P0_', '0gp7kH/Ox={Yd)Ix'].join(''))).toBe(false);
  });
});

describe('KeywordAutomaton against a naive search', () => {
  it('reports exactly the occurrences indexOf finds, for random keyword sets and texts', async () => {
    const fc = await import('fast-check');
    const alphabet = fc.constantFrom('a', 'b', 'c', 'A', 'B', '_', '-', 'é');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((a) => a.join('').toLowerCase().replace(/é/g, 'a'));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 300 }).map((a) => a.join('')), (keywords, text) => {
        const ac = new KeywordAutomaton(keywords);
        const { hits, count } = ac.scan(text);
        const got = Array.from({ length: count }, (_, i) => `${ac.keywords[hits[i * 2]!]}@${hits[i * 2 + 1]}`).sort();
        const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
        const want: string[] = [];
        for (const k of keywords) for (let i = lower.indexOf(k); i >= 0; i = lower.indexOf(k, i + 1)) want.push(`${k}@${i + k.length}`);
        expect(got).toEqual(want.sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('encodedValues against a plain reading of its rules', () => {
  /** Maximal base64 runs of 16+ characters, padding, glue and mix checks, written the obvious way. */
  function reference(text: string): { start: number; end: number; kind: string; decoded: string }[] {
    const out: { start: number; end: number; kind: string; decoded: string }[] = [];
    for (const m of text.matchAll(/[A-Za-z0-9+/_-]+(={0,2})/g)) {
      const start = m.index;
      const end = start + m[0].length;
      const pad = (m[1] as string).length;
      const body = m[0].slice(0, m[0].length - pad);
      if (body.length < 16 || m[0].length > 65536) continue;
      const next = text.charCodeAt(end);
      if (next === 61 || next === 40 || (start > 0 && text[start - 1] === '.')) continue;
      if (body.length % 4 === 1) continue;
      if (pad === 0 && !(/[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9+/_-]/.test(body))) continue;
      const bytes = Buffer.from(m[0], 'base64');
      if (bytes.length < 8) continue;
      let unprintable = 0;
      for (const byte of bytes) if (!((byte >= 0x20 && byte < 0x7f) || byte === 9 || byte === 10 || byte === 13 || byte >= 0x80)) unprintable++;
      if (unprintable > bytes.length * 0.05) continue;
      const decoded = bytes.toString('utf8');
      if (decoded.includes('\uFFFD')) continue;
      out.push({ start, end, kind: 'base64', decoded });
    }
    return out;
  }

  it('finds exactly the base64 values the rules describe, in ASCII and non-ASCII text', async () => {
    const fc = await import('fast-check');
    const piece = fc.oneof(
      // base64 of readable text, with and without padding, sometimes cut
      fc.string({ minLength: 6, maxLength: 40 }).map((s) => Buffer.from(`user:${s}`).toString('base64')),
      fc.string({ minLength: 6, maxLength: 40 }).map((s) => Buffer.from(`token ${s}`).toString('base64').replace(/=+$/, '')),
      fc.constantFrom('=', '==', '.', '(', ' ', '\n', ':', '"', 'é', 'x', 'AbCdEfGh', 'someIdentifierName_', '0123456789abcdef'),
    );
    let found = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (text) => {
        const ascii = isAscii(Buffer.from(text)) ? Buffer.from(text, 'latin1') : undefined;
        const got = encodedValues(text, 0, text.length, ascii).filter((v) => v.kind === 'base64');
        expect(got).toEqual(reference(text));
        found += got.length;
      }),
      { numRuns: 2000 },
    );
    expect(found).toBeGreaterThan(500);
  });
});
