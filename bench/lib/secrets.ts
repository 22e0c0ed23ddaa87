/**
 * Format-valid, obviously synthetic credentials for the benchmark corpus, and look-alikes that a
 * scanner must not report. Checksummed formats carry correct checksums (computed with the tool's
 * own compiled checksum code), so a miss is a real miss, not a rejected fake.
 *
 * Prefixes are assembled at run time (`join`) so this file holds no credential-shaped literal.
 */
import { createHash } from 'node:crypto';
import type * as ChecksumsModule from '../../src/engine/checksums.js';
import type * as PlaceholdersModule from '../../src/engine/placeholders.js';
import { importCompiled } from './paths.js';
import { ALPHABETS, type Random } from './random.js';

/** One value written into the corpus under a variable name. */
export interface Assignment {
  /** Plant kind (`github-classic-pat`, …) or decoy kind (`decoy:…`). */
  kind: string;
  /** Canonical UPPER_SNAKE variable name; renderers adapt it to the file's style. */
  name: string;
  value: string;
}

export interface PlantKindInfo {
  label: string;
  /**
   * Lower-case literals a rule for this format would be gated on. The report uses them to say
   * whether any loaded rule could have seen the plant (a miss without such a rule is expected).
   */
  keywords: readonly string[];
}

export const PLANT_KINDS: Readonly<Record<string, PlantKindInfo>> = {
  'github-classic-pat': { label: 'GitHub classic PAT (CRC32)', keywords: [['gh', 'p_'].join('')] },
  'github-oauth-token': { label: 'GitHub OAuth token (CRC32)', keywords: [['gh', 'o_'].join('')] },
  'github-fine-grained-pat': { label: 'GitHub fine-grained PAT', keywords: [['github', '_pat_'].join('')] },
  'npm-token': { label: 'npm token (CRC32)', keywords: [['np', 'm_'].join('')] },
  'gitlab-pat': { label: 'GitLab routable PAT (CRC32)', keywords: [['gl', 'pat-'].join('')] },
  'aws-access-key-id': { label: 'AWS access key id', keywords: [['ak', 'ia'].join('')] },
  'aws-secret-access-key': { label: 'AWS secret access key', keywords: ['aws_secret', 'secret_access_key', 'secretaccesskey'] },
  'slack-bot-token': { label: 'Slack bot token', keywords: [['xo', 'xb-'].join(''), 'xox'] },
  'slack-webhook': { label: 'Slack webhook URL', keywords: [['hooks.slack', '.com'].join('')] },
  'stripe-secret-key': { label: 'Stripe live secret key', keywords: [['sk', '_live_'].join('')] },
  'private-key-rsa': { label: 'RSA private key block', keywords: [['private', ' key'].join(''), '-----begin'] },
  'postgres-url': { label: 'PostgreSQL URL with password', keywords: [['postgres', '://'].join(''), 'postgres'] },
};

/**
 * True when a loaded rule is gated on a keyword of this kind (one contains the other; very short
 * generic keywords like `key` do not count).
 */
export function kindHasRule(kind: string, ruleKeywords: readonly string[]): boolean {
  const own = PLANT_KINDS[kind]?.keywords ?? [];
  return ruleKeywords.some((k) => own.some((o) => k.includes(o) || (k.length >= 4 && o.includes(k))));
}

export interface SecretFactory {
  /** A group of plants written together (an AWS key id and its secret are one group). */
  plant(rng: Random): Assignment[];
  /** A look-alike that must not be reported. */
  decoy(rng: Random): Assignment[];
  /** A private key on its own (for key files). */
  privateKey(rng: Random): Assignment;
  /** A checksum-valid classic GitHub token on its own. */
  githubClassicPat(rng: Random): string;
}

type Checksums = typeof ChecksumsModule;
type Placeholders = typeof PlaceholdersModule;

export async function createSecretFactory(): Promise<SecretFactory> {
  const checksums = await importCompiled<Checksums>('engine/checksums.js');
  const { isPlaceholder } = await importCompiled<Placeholders>('engine/placeholders.js');
  const { crc32, encodeUnsigned, base32Encode } = checksums;

  /** Random text that the engine's placeholder filter would not mistake for a filler. */
  const varied = (rng: Random, length: number, alphabet: string): string => {
    for (;;) {
      const text = rng.chars(length, alphabet);
      if (!isPlaceholder(text)) return text;
    }
  };

  const crcBase62Token = (rng: Random, prefix: string): string => {
    const entropy = varied(rng, 30, ALPHABETS.base62);
    return prefix + entropy + encodeUnsigned(crc32(entropy), ALPHABETS.base62, 6);
  };

  const fineGrainedPat = (rng: Random): string => {
    const body = [['github', '_pat_'].join(''), rng.chars(1, ALPHABETS.digits), varied(rng, 21, ALPHABETS.base62), '_', varied(rng, 43, ALPHABETS.base62)].join('');
    const digest = createHash('sha256').update(body, 'latin1').digest();
    return body + base32Encode(digest).slice(0, 8) + varied(rng, 8, ALPHABETS.base62);
  };

  const gitlabRoutable = (rng: Random): string => {
    // 16 random bytes ‖ routing payload ‖ one byte holding the payload length (docs/credential-formats.md#checksums-and-structural-checks).
    const payload = Buffer.from(`o:${rng.int(1, 2 ** 30).toString(36)}`, 'latin1');
    const raw = Buffer.concat([rng.bytes(16), payload, Buffer.from([payload.length])]);
    const p = raw.toString('base64url');
    const head = `${['gl', 'pat-'].join('')}${p}.01.${encodeUnsigned(p.length, ALPHABETS.lowerAlnum, 2)}`;
    return head + encodeUnsigned(crc32(head), ALPHABETS.lowerAlnum, 7);
  };

  const awsKeyId = (rng: Random): string =>
    // Character 4 not I/J: new-style ids, whose account can be decoded.
    ['AK', 'IA'].join('') + rng.chars(1, ALPHABETS.base32.replace(/[IJ]/g, '')) + varied(rng, 15, ALPHABETS.base32);

  const privateKeyRsa = (rng: Random): string => {
    // PKCS#1 DER of a 2048-bit key starts with these bytes in base64; the rest is random.
    const body = 'MIIEpAIBAAKCAQEA' + varied(rng, 1572, ALPHABETS.base64) + '==';
    const lines: string[] = [];
    for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
    const armour = (edge: string): string => `-----${edge} RSA ${['PRIVATE', 'KEY'].join(' ')}-----`;
    return [armour('BEGIN'), ...lines, armour('END')].join('\n');
  };

  const hostName = (rng: Random): string => `${rng.pick(['db', 'pg', 'orders-db', 'billing', 'analytics'])}-${rng.int(1, 9)}.${rng.pick(['internal', 'prod', 'eu-west-1'])}.corp`;

  const plants: readonly (readonly [(rng: Random) => Assignment[], number])[] = [
    [(rng) => [{ kind: 'github-classic-pat', name: 'GITHUB_TOKEN', value: crcBase62Token(rng, ['gh', 'p_'].join('')) }], 3],
    [(rng) => [{ kind: 'github-oauth-token', name: 'GH_OAUTH_TOKEN', value: crcBase62Token(rng, ['gh', 'o_'].join('')) }], 1],
    [(rng) => [{ kind: 'github-fine-grained-pat', name: 'GH_PAT', value: fineGrainedPat(rng) }], 1],
    [(rng) => [{ kind: 'npm-token', name: 'NPM_TOKEN', value: crcBase62Token(rng, ['np', 'm_'].join('')) }], 1],
    [(rng) => [{ kind: 'gitlab-pat', name: 'GITLAB_TOKEN', value: gitlabRoutable(rng) }], 1],
    [
      (rng) => [
        { kind: 'aws-access-key-id', name: 'AWS_ACCESS_KEY_ID', value: awsKeyId(rng) },
        { kind: 'aws-secret-access-key', name: 'AWS_SECRET_ACCESS_KEY', value: varied(rng, 40, ALPHABETS.base64) },
      ],
      3,
    ],
    [(rng) => [{ kind: 'slack-bot-token', name: 'SLACK_BOT_TOKEN', value: [['xo', 'xb'].join(''), rng.chars(12, ALPHABETS.digits), rng.chars(13, ALPHABETS.digits), varied(rng, 24, ALPHABETS.base62)].join('-') }], 2],
    [
      (rng) => [
        {
          kind: 'slack-webhook',
          name: 'SLACK_WEBHOOK_URL',
          value: `https://${['hooks.slack', '.com'].join('')}/services/T${rng.chars(8, ALPHABETS.upperAlnum)}/B${rng.chars(10, ALPHABETS.upperAlnum)}/${varied(rng, 24, ALPHABETS.base62)}`,
        },
      ],
      1,
    ],
    [(rng) => [{ kind: 'stripe-secret-key', name: 'STRIPE_SECRET_KEY', value: ['sk', 'live', varied(rng, rng.chance(0.5) ? 24 : 99, ALPHABETS.base62)].join('_') }], 2],
    [(rng) => [{ kind: 'private-key-rsa', name: 'PRIVATE_KEY', value: privateKeyRsa(rng) }], 1],
    [
      (rng) => [
        {
          kind: 'postgres-url',
          name: 'DATABASE_URL',
          value: `${['postgres', '://'].join('')}svc_${rng.pick(['orders', 'billing', 'ledger', 'search'])}:${varied(rng, 22, ALPHABETS.base62)}@${hostName(rng)}:5432/${rng.pick(['orders', 'app', 'main'])}`,
        },
      ],
      2,
    ],
  ];

  const decoys: readonly (readonly [(rng: Random) => Assignment[], number])[] = [
    [
      (rng) => {
        // A classic PAT whose checksum is off by one character: a typo or a hand-made fake.
        const good = crcBase62Token(rng, ['gh', 'p_'].join(''));
        const last = good.charAt(good.length - 1);
        const wrong = last === 'a' ? 'b' : 'a';
        return [{ kind: 'decoy:bad-checksum', name: 'GITHUB_TOKEN', value: good.slice(0, -1) + wrong }];
      },
      2,
    ],
    [(_rng) => [{ kind: 'decoy:template', name: 'GITHUB_TOKEN', value: '${{ secrets.GITHUB_TOKEN }}' }], 1],
    [(_rng) => [{ kind: 'decoy:env-reference', name: 'AWS_SECRET_ACCESS_KEY', value: '${AWS_SECRET_ACCESS_KEY}' }], 1],
    [(_rng) => [{ kind: 'decoy:filler', name: 'STRIPE_SECRET_KEY', value: ['sk', 'live', 'x'.repeat(24)].join('_') }], 1],
    [(rng) => [{ kind: 'decoy:git-sha', name: 'COMMIT_SHA', value: rng.chars(40, ALPHABETS.hex) }], 1],
  ];

  return {
    plant: (rng) => rng.weighted(plants)(rng),
    decoy: (rng) => rng.weighted(decoys)(rng),
    privateKey: (rng) => ({ kind: 'private-key-rsa', name: 'PRIVATE_KEY', value: privateKeyRsa(rng) }),
    githubClassicPat: (rng) => crcBase62Token(rng, ['gh', 'p_'].join('')),
  };
}
