/**
 * What the built-in rules report, and what they leave alone, on lines like those the accuracy
 * corpus and real repositories hold. Secret-shaped values are assembled at run time, so this file
 * holds no literal credential.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { Detector } from '../../src/engine/detector.js';
import { genericSecretValue } from '../../src/engine/refine.js';
import { base62Text, fakeGithubPat } from '../support/engine-fakes.js';

const detector = new Detector(loadBuiltinRules(), { now: Date.parse('2026-06-01T00:00:00Z') });
const report = (text: string): { rule: string; secret: string; line: number; confidence: string }[] =>
  detector.scan(text).map((m) => ({ rule: m.rule.id, secret: m.secret, line: m.line, confidence: m.confidence }));
const rulesOf = (text: string): string[] => report(text).map((f) => f.rule);

const j = (...parts: string[]): string => parts.join('');
/** A password a person or a generator would pick: mixed classes, punctuation. */
const pw = (seed: number): string => j(base62Text(seed, 6), '#', base62Text(seed + 1, 5), '!', base62Text(seed + 2, 3));
const hex = (seed: number, n: number): string => Buffer.from(base62Text(seed, n)).toString('hex').slice(0, n);
const b64url = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const signedJwt = (claims: object, sigBytes = 32): string =>
  [b64url({ alg: 'HS256', typ: 'JWT' }), b64url(claims), Buffer.alloc(sigBytes, 7).fill(base62Text(9, sigBytes)).toString('base64url')].join('.');

describe('generic secrets in the places people write them', () => {
  it.each([
    ['an environment lookup default', (v: string) => `MASTER_KEY = os.environ.get("MASTER_KEY", '${v}')`],
    ['a ?? fallback', (v: string) => `const smtpPassword = process.env.SMTP_PASSWORD ?? "${v}";`],
    ['a Kubernetes env entry on two lines', (v: string) => `        - name: DB_PASSWORD\n          value: "${v}"`],
    ['a .NET appSettings entry', (v: string) => `    <add key="AppSecret" value="${v}" />`],
    ['an XML element named like a credential', (v: string) => `    <ldapBindPassword>${v}</ldapBindPassword>`],
    ['a C# property initializer', (v: string) => `        public static string WebhookSecret { get; } = "${v}";`],
    ['a notebook cell (escaped quotes)', (v: string) => `    "db_password = \\"${v}\\"\\n",`],
    ['a URL query parameter', (v: string) => `curl "https://api.acmecorp.io/v1/orders?api_key=${encodeURIComponent(v)}&format=json"`],
    ['a Terraform variable default', (v: string) => `variable "db_password" {\n  type    = string\n  default = "${v}"\n}`],
    ['a login call', (v: string) => `    server.login("alerts@mail.acmecorp.io", "${v}")`],
    ['a SQL role definition', (v: string) => `CREATE USER app_rw WITH PASSWORD '${v}';`],
    ['a docker login -p flag', (v: string) => `docker login -u deploy -p ${v} registry.acmecorp.io`],
  ])('finds a password in %s', (_where, render) => {
    const secret = pw(11);
    const line = render(secret);
    const found = report(line);
    // A URL carries it percent-encoded: reported as written or decoded, never with the next parameter.
    expect(found).toHaveLength(1);
    expect([secret, encodeURIComponent(secret)]).toContain(found[0]?.secret);
  });

  it('finds generated keys whose alphabet has brackets, and base64 that starts with a slash', () => {
    const django = j('k#3z(8', base62Text(3, 10).toLowerCase(), '^x)=w+', base62Text(4, 12).toLowerCase(), '!@*(p');
    expect(report(`SECRET_KEY = '${django}'`).map((f) => f.secret)).toEqual([django]);
    const slash = j('/', base62Text(5, 30), '+8=');
    expect(report(`const key = process.env.MASTER_KEY ?? "${slash}";`).map((f) => f.secret)).toEqual([slash]);
  });

  it('leaves code, references, labels and made-up values alone', () => {
    const quiet = [
      'type ArrowToken = ArrowToken$1;',
      'pNew->x1.xTokenize = fts5V1toV2Tokenize;',
      'if( eOnePass==ONEPASS_MULTI ){',
      'const { contextToken: contextToken2, previousToken: previousToken2 } = getRelevantTokens(position);',
      'lastSignificantToken = "?InterpolationInTemplate";',
      'const urlCredentials = /^[a-z][a-z0-9+.-]*:\\/\\/([^/@]+)@/i.exec(options.url)?.[1];',
      'DB_PASSWORD: vault:secret/data/orders#db_password',
      'SECRET_ARN: arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-Zq9x7m',
      `SECRET: AQICAH${base62Text(8, 60)}`,
      'PASSWORD: ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]',
      'SECRETARY_EMAIL: ledger@acmecorp.io',
      'API_TOKEN: test-token-123',
      `CSRF_TOKEN: ${hex(3, 32)}`,
      `NEXT_PAGE_TOKEN: ${base62Text(4, 40)}`,
      `TOKEN_SHA256: ${hex(5, 64)}`,
      `[![codecov](https://codecov.io/gh/acme/keyv/graph/badge.svg?token=${base62Text(6, 10)})](https://codecov.io/gh/acme/keyv)`,
      `const input = "https://example.com?key=${base62Text(7, 40)}";`,
      `POSTHOG_KEY: ${j('phc_', base62Text(8, 43))}`,
      `STRIPE_PUBLISHABLE_KEY=${j('pk', '_live_', base62Text(9, 40))}`,
      `  password: ${Buffer.from('changeme').toString('base64')}`,
      ' * const apiToken = "abc123xyz456";',
      '#password_encryption = scram-sha-256\t# scram-sha-256 or md5',
      "    'access_token': 'askfjh234as9sd8',",
      j('Authorization: Basic czZCaGRSa3F0Mzpn', 'WDFmQmF0M2JW'),
      'root:*:19000:0:99999:7:::',
      "f'machine {hostname} login {self.username} password {self.password}'",
      'Token.Name.Builtin.Dynamic: "#68175A",',
      'nid_key = self._lib.NID_aes_256_cbc',
      "    'ASAuthorizationPasswordProvider', 'ASAuthorizationPasswordRequest', 'ASAuthorizationProvider',",
    '// word compounds with digits are names (`oauth2ClientSecret`, `Ipv6Pools`).',
    ];
    for (const line of quiet) expect(rulesOf(line), line).toEqual([]);
  });
});

describe('specific rules over heuristics', () => {
  it('a checksum-invalid token is not reported by a generic rule either', () => {
    const token = fakeGithubPat(5);
    const broken = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(rulesOf(`GITHUB_TOKEN=${token}`)).toEqual(['github-classic-pat']);
    expect(rulesOf(`GITHUB_TOKEN=${broken}`)).toEqual([]);
  });

  it('the jwt.io documentation token is not reported by a generic rule either', () => {
    const sample = j('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ', '.', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c');
    expect(rulesOf(`ID_TOKEN=${sample}`)).toEqual([]);
  });

  it('a provider rule that needs context beats the bare JWT rule on the same token', () => {
    const key = signedJwt({ iss: 'supabase', ref: base62Text(2, 20).toLowerCase(), role: 'service_role', iat: 1_700_000_000 });
    expect(rulesOf(`SUPABASE_SERVICE_ROLE_KEY=${key}`)).toEqual(['supabase-service-role-key']);
    expect(rulesOf(`const supabaseServiceKey = "${key}";`)).toEqual(['supabase-service-role-key']);
    expect(rulesOf(`SERVICE_TOKEN=${key}`)).toEqual(['jwt']);
  });

  it('a JWT signed with a key printed in documentation is an example', () => {
    const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ some: 'payload' })}`;
    const withKey = (key: string): string => `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
    expect(rulesOf(`TOKEN=${withKey('secret')}`)).toEqual([]);
    expect(rulesOf(`TOKEN=${withKey(base62Text(12, 32))}`)).toEqual(['jwt']);
  });

  it('a JWT whose signature cannot come from its algorithm is a hand-made fixture', () => {
    const forged = [b64url({ alg: 'RS256', typ: 'JWT' }), b64url({ sub: 'synth', iat: 1_700_000_000 }), Buffer.from('signature').toString('base64url')].join('.');
    expect(rulesOf(`ACCESS_TOKEN=${forged}`)).toEqual([]);
    expect(rulesOf(`ACCESS_TOKEN=${signedJwt({ sub: 'svc', iat: 1_700_000_000 })}`)).toEqual(['jwt']);
  });

  it('a provider token inside a Kubernetes Secret is reported under its own rule', () => {
    const token = fakeGithubPat(8);
    const yaml = ['apiVersion: v1', 'kind: Secret', 'data:', `  GITHUB_TOKEN: ${Buffer.from(token).toString('base64')}`].join('\n');
    expect(report(yaml)).toMatchObject([{ rule: 'github-classic-pat', secret: token, line: 4 }]);
  });

  it('Docker config auths: every registry, decoded to user:password', () => {
    const auth = (user: string, secret: string): string => Buffer.from(`${user}:${secret}`).toString('base64');
    const config = ['{', '  "auths": {', `    "ghcr.io": { "auth": "${auth('ci', pw(21))}" },`, `    "registry.acmecorp.io": { "auth": "${auth('deploy', pw(31))}" }`, '  }', '}'].join('\n');
    expect(report(config).map((f) => [f.rule, f.line])).toEqual([
      ['docker-registry-config-auth', 3],
      ['docker-registry-config-auth', 4],
    ]);
  });
});

describe('generic refiner on random values', () => {
  // What a generator produces must survive the filters that drop code and labels: counted over
  // fixed pseudo-random samples so the test is deterministic.
  const sample = (alphabet: string, seed: number): string[] => {
    let x = seed;
    const next = (): number => {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      return x;
    };
    return Array.from({ length: 3000 }, () => Array.from({ length: 16 + (next() % 25) }, () => alphabet[next() % alphabet.length]).join(''));
  };
  const kept = (values: string[]): number => values.filter((v) => genericSecretValue(v, { now: 0, before: 'x = "', after: '"' }) !== null).length / values.length;
  const b62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

  it('keeps over 99% of random base62, base64 and password-alphabet values', () => {
    expect(kept(sample(b62, 11))).toBeGreaterThan(0.99);
    expect(kept(sample(`${b62}+/`, 12))).toBeGreaterThan(0.99);
    expect(kept(sample(`${b62}!#%&*+-=?@^_`, 13))).toBeGreaterThan(0.99);
  });
});
