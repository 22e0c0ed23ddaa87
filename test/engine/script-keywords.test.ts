/**
 * Script keywords: names written outside ASCII (`пароль`, `비밀번호`) gate a rule on texts that hold
 * such characters, which the ASCII keyword pass never sees. The rule must not run on ASCII texts,
 * and a script keyword must hold a character outside ASCII.
 */
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/engine/detector.js';
import { ruleSchema } from '../../src/rules/schema.js';

const scriptRule = ruleSchema.parse({
  id: 'script-pw',
  name: 'password in another script',
  provider: 'test',
  severity: 'high',
  lifetime: 'long-lived',
  script_keywords: ['пароль', '비밀번호'],
  // Deliberately also matches the English word, to show that the gate, not the pattern, keeps it off ASCII texts.
  pattern: '(?:пароль|비밀번호|password):[ \\t]?([A-Za-z0-9-]{6,40})',
  ignore_case: true,
  remediation: 'Rotate it and use short-lived credentials.',
  examples: ['unused'],
  negative_examples: ['unused'],
});
const detector = new Detector([scriptRule], { now: 0 });
const secrets = (text: string, bytes?: Uint8Array): string[] => detector.scan(text, bytes).map((m) => m.secret);
const pw = ['Yc2m', 'X7vR', 'n9'].join('-');
const pw2 = ['Nh4p', 'Z8rLc2'].join('');

describe('script keywords', () => {
  it('open a text that holds one, in any case', () => {
    expect(secrets(`db:\n  Пароль: ${pw}\n`)).toEqual([pw]);
    expect(secrets(`서버 비밀번호: ${pw2} 입니다\n`)).toEqual([pw2]);
  });

  it('leave texts without them, and every ASCII text, to the other rules', () => {
    expect(secrets(`Ünïcode text, password: ${pw}\n`)).toEqual([]);
    const ascii = `password: ${pw}\n`;
    expect(secrets(ascii)).toEqual([]);
    expect(secrets(ascii, Buffer.from(ascii, 'latin1'))).toEqual([]);
  });

  it('must hold a character outside ASCII, in lower case', () => {
    const base = { ...scriptRule, keywords: [] };
    expect(ruleSchema.safeParse({ ...base, script_keywords: ['password'] }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...base, script_keywords: ['ПАРОЛЬ'] }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...base, script_keywords: [] }).success).toBe(false);
  });
});
