/**
 * A login written in prose (`… login is user / password`) is found in ticket text; slashes prose
 * uses for other pairs are not. Values are assembled at run time.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { Detector } from '../../src/engine/detector.js';
import { prosePassword } from '../../src/engine/refine/prose-password.js';

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
