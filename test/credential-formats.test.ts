/**
 * Credential formats real repositories hold, scanned through the CLI as a user would: files whose
 * name says what they store (rules with `paths`), password hashes reported as their own low-severity
 * kind, keys written in pieces or with misleading comments, checksummed seeds, JWK members, AWS
 * pairs without a keyword, and URL credentials for documentation hosts. Every value is generated
 * here at run time; none is a working credential.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32Encode, crc16Xmodem } from '../src/engine/checksums.js';
import { decodeType7 } from '../src/engine/refine/cisco-type7.js';
import { parseJsonReport, runCli } from './support/cli.js';
import { base62Body, seededRandom } from './support/fake-secrets.js';
import { makeTree } from './support/temp.js';

interface JsonFinding {
  ruleId: string;
  severity: string;
  kind?: string;
  location: { path: string; line: number };
}

async function scanTree(tree: Record<string, string>, extra: string[] = []): Promise<JsonFinding[]> {
  const dir = makeTree(tree);
  const result = await runCli(['scan', dir, '--format', 'json', ...extra]);
  return parseJsonReport<{ findings: JsonFinding[] }>(result).findings;
}

const inFile = (findings: JsonFinding[], path: string): JsonFinding[] => findings.filter((f) => f.location.path === path);

/** `n` base64 characters from a seed (no placeholder-like runs). */
function base64Body(seed: number, n: number): string {
  const next = seededRandom(seed);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  while (out.length < n) out += alphabet[Math.floor(next() * 64)];
  return out;
}

/** A NATS user seed: base32 of the seed prefix, 32 key bytes and their CRC-16, as nkeys writes it. */
function fakeNkeySeed(): string {
  const seedPrefix = 18 << 3;
  const user = 20 << 3;
  const data = Buffer.concat([Buffer.from([seedPrefix | (user >> 5), (user & 31) << 3]), randomBytes(32)]);
  const crc = crc16Xmodem(data);
  return base32Encode(Buffer.concat([data, Buffer.from([crc & 0xff, crc >> 8])])).replace(/=+$/, '');
}

/** WinSCP's stored form of a password: flag, length, shift and bytes, each written as `~(b ^ 0xA3)` in hex. */
function winscpObfuscate(password: string): string {
  const shift = 5;
  const bytes = [0xff, 0x00, password.length, shift, ...randomBytes(shift), ...Buffer.from(password, 'latin1'), ...randomBytes(8)];
  return bytes.map((b) => ((~b ^ 0xa3) & 0xff).toString(16).toUpperCase().padStart(2, '0')).join('');
}

describe('credential files identified by their name', () => {
  it('reads every .pgpass line as a password, but the same line elsewhere is not one', async () => {
    const line = ['reports.internal', '6432', 'analytics', 'reader', base62Body(11, 14)].join(':') + '\n';
    const findings = await scanTree({ '.pgpass': line, 'notes.txt': line });
    expect(inFile(findings, '.pgpass').map((f) => f.ruleId)).toEqual(['pgpass-file-password']);
    expect(inFile(findings, 'notes.txt')).toEqual([]);
  });

  it('reports a Rails master key only at config/master.key', async () => {
    const key = randomBytes(16).toString('hex') + '\n';
    const findings = await scanTree({ 'web/config/master.key': key, 'web/config/cache.key': key });
    expect(findings.map((f) => [f.location.path, f.ruleId])).toEqual([['web/config/master.key', 'rails-master-key']]);
  });

  it('decodes WinSCP obfuscation: a stored password is reported, hex that is not one is not', async () => {
    const ini = (hex: string) => `[Sessions\\deploy@files.internal]\nHostName=files.internal\nPassword=${hex}\n`;
    const findings = await scanTree({
      'stored/WinSCP.ini': ini(winscpObfuscate(base62Body(12, 12))),
      'random/WinSCP.ini': ini(randomBytes(24).toString('hex').toUpperCase().replace(/^../, '00')),
    });
    expect(findings.map((f) => [f.location.path, f.ruleId])).toEqual([['stored/WinSCP.ini', 'winscp-saved-password']]);
  });
});

describe('password hashes', () => {
  const bcrypt = '$2y$10$' + base62Body(13, 53);

  it('are reported at low severity as kind password-hash, and the text report says so', async () => {
    const tree = { 'deploy/users.htpasswd': `admin:${bcrypt}\n` };
    const [finding] = await scanTree(tree);
    expect(finding).toMatchObject({ severity: 'low', kind: 'password-hash' });
    const text = await runCli(['scan', makeTree(tree)]);
    expect(text.stdout).toContain('password hash');
  });

  it('skip locked accounts and unusable-password markers, which hold no password', async () => {
    const sha512 = '$6$' + base62Body(14, 16) + '$' + base64Body(15, 86).replace(/\+/g, '.');
    const shadow = [`ops:${sha512}:19700:0:99999:7:::`, `locked:!${sha512}:19700:0:99999:7:::`, 'daemon:*:19700:0:99999:7:::'].join('\n') + '\n';
    const fixture = `[{"model": "auth.user", "fields": {"username": "ghost", "password": "!${base62Body(16, 40)}"}}]\n`;
    const findings = await scanTree({ 'etc/shadow': shadow, 'fixtures/users.json': fixture });
    expect(findings.map((f) => [f.location.path, f.location.line])).toEqual([['etc/shadow', 1]]);
  });

  it('finds MySQL native hashes in a dump row', async () => {
    const hash = '*' + randomBytes(20).toString('hex').toUpperCase();
    const findings = await scanTree({ 'dump.sql': `INSERT INTO \`user\` VALUES ('%','etl','${hash}','Y','N');\n` });
    expect(findings.map((f) => [f.ruleId, f.kind])).toEqual([['password-hash-mysql', 'password-hash']]);
  });
});

describe('keys written in pieces or with misleading text around them', () => {
  const lines = Array.from({ length: 6 }, (_, i) => base64Body(20 + i, 64));

  it('finds an RSA key split over concatenated Java string literals', async () => {
    const java = [
      'class Keys {',
      '  static final String KEY = "-----BEGIN RSA ' + 'PRIVATE KEY-----\\n"',
      ...lines.map((l) => `      + "${l}\\n"`),
      '      + "-----END RSA ' + 'PRIVATE KEY-----";',
      '}',
    ].join('\n');
    const findings = await scanTree({ 'src/Keys.java': java });
    expect(findings.map((f) => [f.ruleId, f.location.line])).toEqual([['private-key-rsa', 2]]);
  });

  it('judges a PuTTY key by its key lines, not by a comment that says example', async () => {
    const ppk = [
      'PuTTY-User-Key-File-3: ssh-ed25519',
      'Encryption: none',
      'Comment: ops@example.org imported-openssh-key',
      'Public-Lines: 2',
      lines[0],
      lines[1]?.slice(0, 4),
      'Private-Lines: 1',
      lines[2]?.slice(0, 48),
      'Private-MAC: ' + randomBytes(32).toString('hex'),
      '',
    ].join('\n');
    const findings = await scanTree({ 'keys/ops.ppk': ppk });
    expect(findings.map((f) => f.ruleId)).toEqual(['putty-private-key']);
  });

  it('reads whether an ssh.com key is encrypted from the cipher named in its body, not from its armour', async () => {
    // magic, body length, key type, cipher name: each string behind a 32-bit length (then key data).
    const sshcomBody = (cipher: string): string => {
      const field = (text: string) => {
        const bytes = Buffer.from(text, 'latin1');
        const length = Buffer.alloc(4);
        length.writeUInt32BE(bytes.length);
        return Buffer.concat([length, bytes]);
      };
      const head = Buffer.alloc(8);
      head.writeUInt32BE(0x3f6ff9eb, 0);
      head.writeUInt32BE(400, 4);
      const b64 = Buffer.concat([head, field('if-modn{sign{rsa-pkcs1-sha1},encrypt{rsa-pkcs1v2-oaep}}'), field(cipher), randomBytes(300)]).toString('base64');
      return b64.match(/.{1,70}/g)?.join('\n') ?? '';
    };
    const armour = (body: string) => ['---- BEGIN SSH2 ENCRYPTED ' + 'PRIVATE KEY ----', 'Comment: "rsa-key-20261208"', body, '---- END SSH2 ENCRYPTED ' + 'PRIVATE KEY ----', ''].join('\n');
    const dir = makeTree({ 'plain.key': armour(sshcomBody('none')), 'locked.key': armour(sshcomBody('3des-cbc')) });
    const report = parseJsonReport<{ findings: { ruleId: string; location: { path: string }; facts?: Record<string, string> }[] }>(
      await runCli(['scan', dir, '--format', 'json']),
    );
    const byPath = Object.fromEntries(report.findings.map((f) => [f.location.path, [f.ruleId, f.facts?.encrypted ?? 'false']]));
    expect(byPath).toEqual({ 'plain.key': ['private-key-sshcom', 'false'], 'locked.key': ['private-key-sshcom', 'true'] });
  });

  it('reports a .NET RSA key in XML only when it holds the private exponent', async () => {
    const b64 = (n: number) => randomBytes(n).toString('base64');
    const pub = `<Modulus>${b64(128)}</Modulus><Exponent>AQAB</Exponent>`;
    const findings = await scanTree({
      'private.xml': `<RSAKeyValue>${pub}<P>${b64(64)}</P><Q>${b64(64)}</Q><D>${b64(128)}</D></RSAKeyValue>\n`,
      'public.xml': `<RSAKeyValue>${pub}</RSAKeyValue>\n`,
    });
    expect(findings.map((f) => [f.location.path, f.ruleId])).toEqual([['private.xml', 'private-key-xml-rsa']]);
  });

  it('reports the private members of a JWK, and nothing for a public one', async () => {
    const b64url = (n: number) => randomBytes(n).toString('base64url');
    const pub = { kty: 'EC', crv: 'P-256', x: b64url(32), y: b64url(32) };
    const findings = await scanTree({
      'private.json': JSON.stringify({ ...pub, d: b64url(32) }, null, 2) + '\n',
      'public.json': JSON.stringify(pub, null, 2) + '\n',
    });
    expect(findings.map((f) => [f.location.path, f.ruleId])).toEqual([['private.json', 'jwk-private-key']]);
  });
});

describe('seeds and pairs', () => {
  it('reports a NATS seed whose checksum holds, and not one with a changed character', async () => {
    const seed = fakeNkeySeed();
    const broken = seed.slice(0, 20) + (seed[20] === 'A' ? 'B' : 'A') + seed.slice(21);
    const findings = await scanTree({ 'good.creds': `nats seed: ${seed}\n`, 'bad.creds': `nats seed: ${broken}\n` });
    expect(findings.map((f) => [f.location.path, f.ruleId])).toEqual([['good.creds', 'nats-nkey-seed']]);
  });

  it('reports an AWS secret key on the line after its key id, without a keyword', async () => {
    const id = 'AKIA' + 'Z2KMTEFW' + 'QX5GCRLD';
    const secret = base64Body(30, 37) + 'a1B';
    const findings = await scanTree({ 'notes/handover.md': `Key for the export job:\n${id}\n${secret}\n` });
    expect(findings.map((f) => f.ruleId)).toContain('aws-secret-access-key-near-id');
  });
});

describe('URL credentials for documentation hosts', () => {
  it('are not reported for example.com subdomains, .test, .invalid or .localhost, but are for a real host', async () => {
    const password = base62Body(40, 14);
    const url = (host: string) => `https://deploy:${password}@${host}/repo.git`;
    const findings = await scanTree({
      'docs.md': [url('git.example.com'), url('git.staging.test'), url('mirror.invalid'), url('app.localhost')].join('\n') + '\n',
      'ci.env': `MIRROR=${url('git.shop-internal.net')}\n`,
    });
    expect(findings.map((f) => f.location.path)).toEqual(['ci.env']);
  });
});

describe('network device configuration', () => {
  const KEY_STREAM = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';
  /** Encodes like IOS does: two decimal digits of offset, then each byte XORed with the key stream. */
  const type7 = (plain: string, offset: number): string =>
    String(offset).padStart(2, '0') +
    [...plain].map((c, i) => (c.charCodeAt(0) ^ KEY_STREAM.charCodeAt((offset + i) % KEY_STREAM.length)).toString(16).toUpperCase().padStart(2, '0')).join('');

  it('decodes type 7 values and reports only those that decode to text', async () => {
    const password = `Rtr-${base62Body(51, 8)}`;
    expect(decodeType7(type7(password, 11))).toBe(password);
    const findings = await scanTree({
      'backups/core-sw1.cfg': `hostname core-sw1\nusername ops privilege 15 password 7 ${type7(password, 4)}\n`,
      'backups/edge.cfg': 'username ops password 7 0799AB12CD34EF\n',
    });
    expect(findings.map((f) => [f.location.path, f.ruleId, f.location.line])).toEqual([['backups/core-sw1.cfg', 'cisco-type7-password', 2]]);
  });
});
