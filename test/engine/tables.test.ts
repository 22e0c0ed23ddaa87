/**
 * Credential columns of tables: a CSV/TSV header that names a password, token or key column makes
 * the values under it credentials, and so does the column list of an SQL INSERT. Each value is
 * judged as the assignment `column = "value"` would be (placeholders, test values and empty fields
 * are not reported) and is reported where it stands in the row.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { tableValues } from '../../src/engine/decode/tables.js';
import { Detector } from '../../src/engine/detector.js';
import { base62Text } from '../support/engine-fakes.js';

const detector = new Detector(loadBuiltinRules());
const pw = (seed: number): string => `${base62Text(seed, 6)}-Pw${seed}!`;

/** The secrets reported in `text` (as read from `path`), with the text at each one's reported span. */
function found(text: string, path: string): { secret: string; at: string }[] {
  return detector.scan(text, undefined, path).map((m) => ({ secret: m.secret, at: text.slice(m.start, m.end) }));
}

describe('CSV and TSV files with a credential column', () => {
  it('report each row value under the column, where it is in the row', () => {
    const text = ['username,password,role', `alice,${pw(1)},admin`, `bob,"${pw(2)}",viewer`, 'carol,,editor', 'dave,changeme,viewer', ''].join('\n');
    expect(found(text, 'ops/handover/accounts.csv')).toEqual([
      { secret: pw(1), at: pw(1) },
      { secret: pw(2), at: pw(2) },
    ]);
  });

  it('read tab-separated tables and tokens under a token column', () => {
    const token = base62Text(7, 32);
    const text = `service\tapi_token\tteam\nbilling\t${token}\tpayments\n`;
    expect(found(text, 'exports/services.tsv')).toEqual([{ secret: token, at: token }]);
  });

  it('stop at a row that does not fit the header, and leave other files alone', () => {
    const text = ['user,password', `eve,${pw(3)}`, '', 'note: the next line is prose, not a row', `mallory,${pw(4)},extra`].join('\n');
    expect(found(text, 'accounts.csv').map((f) => f.secret)).toEqual([pw(3)]);
    expect(found(['user,password', `eve,${pw(3)}`].join('\n'), 'notes/accounts.md')).toEqual([]);
  });

  it('do not take a header whose fields are not names', () => {
    expect(tableValues(['the password, as said, is below', `eve,${pw(5)}`].join('\n'), 'a.csv')).toEqual([]);
  });
});

describe('SQL INSERT statements with a column list', () => {
  it('report string values in credential columns of every tuple', () => {
    const text = [
      '-- seed data',
      `INSERT INTO users (id, email, password) VALUES (1, 'a@corp.internal', '${pw(6)}'), (2, 'b@corp.internal', NULL),`,
      `  (3, 'c@corp.internal', '${pw(7)}');`,
      `INSERT INTO \`accounts\` (\`login\`, \`api_token\`) VALUES ('svc', '${base62Text(8, 28)}');`,
    ].join('\n');
    expect(found(text, 'db/seed.sql').map((f) => f.secret)).toEqual([pw(6), pw(7), base62Text(8, 28)]);
    for (const f of found(text, 'db/seed.sql')) expect(f.at).toBe(f.secret);
  });

  it('skip values that are calls or placeholders, and statements without a column list', () => {
    const text = [
      `INSERT INTO users (email, password) VALUES ('a@corp.internal', crypt(:'pw', gen_salt('bf'))), ('b@corp.internal', 'password');`,
      // (A value without the word password in it: a literal that spells one out is reported anywhere.)
      `INSERT INTO users VALUES (1, 'a@corp.internal', '${base62Text(9, 6)}-Kiln9!');`,
    ].join('\n');
    expect(found(text, 'seed.sql')).toEqual([]);
  });
});

describe('tables on hostile input', () => {
  it('judge at most a bounded number of values, and read a huge table once', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `u${i},${pw(i % 50)}`);
    const values = tableValues(['user,password', ...rows].join('\n'), 'dump.csv');
    expect(values.length).toBe(10_000);
  });

  it('give up on an unterminated quote or tuple without reading past its line', () => {
    const open = `INSERT INTO users (email, password) VALUES ('a@corp.internal', '${'x'.repeat(100_000)}`;
    expect(tableValues(open, 'seed.sql')).toEqual([]);
    expect(tableValues(`user,password\n"${'y'.repeat(100_000)}`, 'a.csv')).toEqual([]);
  });
});
