/**
 * A login written in prose (`… login is user / password`) and a password a sentence states (`the
 * default password is …`) are found in ticket and README text, and so are keys and tokens a sentence
 * gives; slashes prose uses for other pairs, what prose says about passwords (`is hashed`), hashes,
 * ids and examples are not. Values are assembled at run time.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { Detector } from '../../src/engine/detector.js';
import { prosePassword, statedPassword } from '../../src/engine/refine/prose-password.js';
import { base62Text } from '../support/engine-fakes.js';

const j = (...parts: string[]): string => parts.join('');
const detector = new Detector(loadBuiltinRules(), { now: 0 });
const found = (text: string): string[] => detector.scan(text, undefined, 'tickets/OPS-7.txt').map((m) => `${m.rule.id} ${m.secret}`);

describe('prose-password refiner', () => {
  it.each([j('Harbor#', '2291'), j('Winter', 'Sun7X'), j('bk-', 'nas!42')])('accepts %s', (v) => {
    expect(prosePassword(v, { now: 0 })).not.toBeNull();
  });
  it.each(['SAML2', 'OAuth2.0', 'TLSv1.3', 'logout', 'Terraform', 'password1'])('rejects %s', (v) => {
    expect(prosePassword(v, { now: 0 })).toBeNull();
  });
});

describe('generic-prose-login-pair', () => {
  const pw = j('Gruen', 'wald#2023');
  it('finds the password half of a login in a ticket comment', () => {
    expect(found(`Hi, the admin login for the reseller account is grw-admin / ${pw} . Thanks\n`)).toEqual([`generic-prose-login-pair ${pw}`]);
    expect(found(`Credentials: svc_backup / ${pw}\n`)).toEqual([`generic-prose-login-pair ${pw}`]);
  });
  it('leaves other slashes in prose', () => {
    expect(found('The login is via SSO / SAML2 for everyone.\nCredentials are rotated by Vault / Terraform.\n')).toEqual([]);
  });
});

describe('generic-prose-password-statement', () => {
  const pw = j('Quartz-', 'Lantern-88');
  const readme = (text: string): string[] => detector.scan(text, undefined, 'README.md').map((m) => `${m.rule.id} ${m.secret}`);

  it('finds a password a sentence states, or a code span names', () => {
    expect(readme(`The default password is ${pw}.\n`)).toEqual([`generic-prose-password-statement ${pw}`]);
    expect(readme(`Log in as \`admin\` with password \`${pw}\`.\n`)).toEqual([`generic-prose-password-statement ${pw}`]);
    expect(readme(`The password for the admin account was changed to ${pw} today.\n`)).toEqual([`generic-prose-password-statement ${pw}`]);
  });

  it('leaves what prose says about passwords', () => {
    const lines = ['The password is hashed with bcrypt.', 'The password is base64-encoded in the header.', 'The password is `changeme` until setup.', 'printf("Password is correct.");'];
    expect(readme(lines.join('\n'))).toEqual([]);
  });

  it.each([j('Sable', '7meadow'), j('wkydpyvy', 'glnaajyf')])('the refiner accepts %s', (v) => {
    expect(statedPassword(v, { now: 0 })).not.toBeNull();
  });
  it.each(['required', 'TLSv1.3', 'sha256-hashed', '$DB_PASSWORD', 'https://vault', '#{password}', '%(pw)s'])('the refiner rejects %s', (v) => {
    expect(statedPassword(v, { now: 0 })).toBeNull();
  });
});

describe('passwords and logins inside JSON strings of an export', () => {
  const pw = j('Qx7-', 'Lm2p-Vb9');
  it('ends the value at the string or at an escaped line break', () => {
    expect(found(`{"comment": "creds: admin / ${pw}", "author": "ops"}\n`)).toEqual([`generic-prose-login-pair ${pw}`]);
    expect(found(`{"body": "Reset done.\\nThe password is ${pw}\\nThanks"}\n`)).toEqual([`generic-prose-password-statement ${pw}`]);
  });
});

describe('generic-prose-secret', () => {
  const hex64 = createHash('sha256').update('prose-secret-test').digest('hex');
  const mixed = base62Text(41, 28);
  it('finds a key, token or secret a sentence gives', () => {
    expect(found(`API key for the staging tenant: ${hex64}\n`)).toEqual([`generic-prose-secret ${hex64}`]);
    expect(found(`Use token ${mixed} when calling the export endpoint.\n`)).toEqual([`generic-prose-secret ${mixed}`]);
    expect(found(`The webhook secret was rotated, new one is whk_${mixed}\n`)).toEqual([`generic-prose-secret whk_${mixed}`]);
    expect(found(`{"body": "Customer reset their key, new API key is ${mixed}"}\n`)).toEqual([`generic-prose-secret ${mixed}`]);
  });

  it('leaves hashes, ids, examples, names in code and what prose says about keys', () => {
    const lines = [
      `Token refresh fixed in commit ${hex64.slice(0, 40)}.`,
      'Each token has an id like 123e4567-e89b-42d3-a456-426614174000 and an expiry.',
      `Your API key, e.g. "${hex64.slice(0, 32)}". You can find it in the dashboard.`,
      `token sha256: ${hex64}`,
      `Next page token: ${mixed}`,
      'The API key is sent in the X-Api-Key header of every request.',
      'func NewPacketConn(secret ed25519.PrivateKey) (*PacketConn, error) {',
      `  AccessToken: "${mixed}",`,
    ];
    for (const line of lines) expect(detector.scan(line, undefined, 'notes/handover.txt').filter((m) => m.rule.id === 'generic-prose-secret'), line).toEqual([]);
  });
});

describe('passwords in server lists and wiki pages', () => {
  const pw = j('Ds8xN4', 'qLt6');
  const wiki = (text: string): string[] => detector.scan(text, undefined, 'wiki/servers.txt').map((m) => `${m.rule.id} ${m.secret}`);

  it('finds a password after `for …:`, and one that follows the word directly and ends the line', () => {
    expect(wiki(`Password for root: ${pw}\n`)).toEqual([`generic-prose-password-statement ${pw}`]);
    expect(wiki(`root password ${pw}\n`)).toEqual([`generic-prose-password-statement ${pw}`]);
    expect(wiki(`sftp deploy@files.corp.internal, pw ${pw}\n`)).toEqual([`generic-prose-password-statement ${pw}`]);
  });

  it('finds `(pw: …)` after a host in a text file, without the closing parenthesis', () => {
    expect(wiki(`ops@10.20.30.41 (pw: ${pw})\n`)).toEqual([`generic-secret-assignment ${pw}`]);
  });

  it('leaves what follows the word in prose, package lists and module sums', () => {
    const lines = [
      '(will send the password Base64 encoded) or the login mechanism',
      'apt\tpasswd\t1:4.13+dfsg1-1+deb12u1',
      'github.com/acme/password v1.21.6/go.mod h1:FjZzGXri1uTP5n2SGEAaJBia73OxP11fN/joZnkuQ88=',
      'Use the password Manager2 to store it.',
    ];
    expect(wiki(lines.join('\n'))).toEqual([]);
  });
});
