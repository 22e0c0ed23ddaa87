/**
 * A login written in prose (`… login is user / password`) and a password a sentence states (`the
 * default password is …`) are found in ticket and README text; slashes prose uses for other pairs,
 * and what prose says about passwords (`is hashed`), are not. Values are assembled at run time.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { Detector } from '../../src/engine/detector.js';
import { prosePassword, statedPassword } from '../../src/engine/refine/prose-password.js';

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
