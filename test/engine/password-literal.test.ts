/**
 * Literals that spell out a password are passwords wherever they stand; identifiers, routes,
 * labels, package specs and English words that contain the word are not. Values are assembled at
 * run time so this file holds no password-shaped literal of its own.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { Detector } from '../../src/engine/detector.js';
import { passwordLiteral } from '../../src/engine/refine/password-literal.js';

const j = (...parts: string[]): string => parts.join('');
const now = 0;
const detector = new Detector(loadBuiltinRules(), { now });
const rulesOf = (text: string, path: string): string[] => detector.scan(text, undefined, path).map((m) => m.rule.id);

describe('password-literal refiner', () => {
  it.each([
    j('Go-Test-P', 'ass-42'),
    j('Backup-P', 'w9'),
    j('Adm1n-P', '@ss-77'),
    j('pa5', '5word-ci-7'),
    j('Sommer-P', 'ass-4471'),
    j('dbP', 'w-2291'),
  ])('accepts %s', (value) => {
    expect(passwordLiteral(value, { now })).not.toBeNull();
  });

  it.each([
    ['a numbered field name', j('pass', 'word2')],
    ['a camelCase identifier', j('new', 'Password2')],
    ['a route', j('reset-', 'password-1')],
    ['a constant', j('PW_', 'MAX_2')],
    ['a selector', j('#pass', 'word-2')],
    ['an i18n lookup', j('auth.Pa', 'ssword2Label')],
    ['a Perl package', j('Test2::Event::P', 'ass')],
    ['letters inside a longer word', j('OPpA', 'SSIGN_COMMON_RC1')],
    ['an English word', j('Pass', 'port-2024')],
    ['a package spec', j('payment-', 'password-region@^6.15.3')],
    ['an e-mail address', j('Pass.', 'Word1@corp.local')],
    ['percent-encoding', j('user%3A', 'pass%40evil')],
    ['PW inside a random run', j('01GW3DQ4XTV', 'PW!')],
    ['no digit', j('Go-Test-', 'Pass')],
    ['no capital, symbol or swapped letter', j('backup-', 'pw9')],
  ])('rejects %s', (_what, value) => {
    expect(passwordLiteral(value, { now })).toBeNull();
  });
});

describe('generic-password-literal in files', () => {
  const value = j('Xunit-Wrong-P', 'w2');
  it('finds the literal given by position in a test attribute and in a Go call', () => {
    expect(rulesOf(`    [InlineData("seed@corp.local", "${value}")]\n`, 'Portal.Tests/AccountTests.cs')).toEqual(['generic-password-literal']);
    expect(rulesOf(`\tc := New(srv.URL, "tester", "${value}", "")\n`, 'internal/client/client_test.go')).toEqual(['generic-password-literal']);
  });

  it('leaves the finding to the assignment rule when a password name is given', () => {
    expect(rulesOf(`password = "${value}"\n`, 'settings.py')).toEqual(['generic-secret-assignment']);
  });
});

describe('random runs that hold the word by chance', () => {
  it('leaves long random base64url values (key members, tokens) that contain pw or Pa55', () => {
    // About the length of a 32-byte base64url member of a JWK (43 characters).
    for (const v of [j('Xq9_', 'Pw7kL2mZ8rT4vN1bY6cH3dJ0sQ5eW-uFgAiKoMpRt'), j('m3Kx-', 'Pa55', 'zR8vL1nQ7tY4wB9cJ2hF6dG0sXeUaIoPk')]) {
      expect(v.length).toBeGreaterThan(40);
      expect(passwordLiteral(v, { now: 0 })).toBeNull();
    }
  });
});
