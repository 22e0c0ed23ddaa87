import { describe, expect, it } from 'vitest';
import { checksumValidator, crc32, encodeUnsigned } from '../src/engine/checksums.js';
import { decodeAwsAccountId } from '../src/engine/refine/aws-key-id.js';

// Vectors for the algorithms in docs/credential-formats.md. Prefixes and bodies are kept apart and
// joined at run time so no checksum-valid token appears literally in the source.
const join = (...parts: string[]): string => parts.join('');
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('crc32', () => {
  it('has the IEEE check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });
  it('matches the known vectors', () => {
    expect(crc32('Zx9Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9')).toBe(0xef09ce18);
  });
});

describe('github-crc32 (ghp_, gho_, ghu_, ghr_) and npm-crc32', () => {
  const check = checksumValidator('github-crc32')!;
  const npm = checksumValidator('npm-crc32')!;
  const body = 'Zx9Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9';
  it('base62-encodes the CRC of the body', () => {
    expect(encodeUnsigned(0xef09ce18, BASE62, 6)).toBe('4NPDVw');
  });
  it('accepts the synthetic vector under every prefix', () => {
    for (const prefix of ['ghp', 'gho', 'ghu']) expect(check.check(join(prefix, '_', body, '4NPDVw'))).toBe(true);
    expect(npm.check(join('npm', '_', body, '4NPDVw'))).toBe(true);
  });
  it('accepts the 70-character refresh-token vector', () => {
    const long = 'Zx9Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Zx9Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Zx9Qw3Er5T';
    expect(crc32(long)).toBe(0xf38112dd);
    expect(check.check(join('ghr', '_', long, '4STazl'))).toBe(true);
  });
  it('accepts the public sample and rejects it with one character changed', () => {
    expect(check.check(join('ghp', '_', 'M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq', '11T4V4'))).toBe(true);
    expect(check.check(join('ghp', '_', 'M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq', '11T4V3'))).toBe(false);
  });
});

describe('github-fine-grained', () => {
  const check = checksumValidator('github-fine-grained')!;
  const body = join('github', '_pat_', '11ABCDEFGHIJKLMNOPQRST_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f');
  it('is SHA-256 → base32 over the first 77 characters', () => {
    expect(check.check(body + 'JJP7FW5C' + 'Q1w2E3r4')).toBe(true);
    expect(check.check(body + 'JJP7FW5D' + 'Q1w2E3r4')).toBe(false);
  });
  it('is not treated as established (confirmed on one real sample only)', () => {
    expect(check.established).toBe(false);
  });
});

describe('gitlab-routable', () => {
  const check = checksumValidator('gitlab-routable')!;
  it('accepts the synthetic vector', () => {
    const head = join('glpat', '-', 'AAECAwQFBgcICQoLDA0OD2M6MQpvOjEKdToydgw', '.01.13');
    expect(encodeUnsigned(crc32(head), '0123456789abcdefghijklmnopqrstuvwxyz', 7)).toBe('1bq63mn');
    expect(check.check(head + '1bq63mn')).toBe(true);
    expect(check.check(head + '1bq63mo')).toBe(false);
  });
  it('accepts the public sample', () => {
    expect(check.check(join('glpat', '-', 'vSY1cyL948aAB440qB6L4zlu9OzsUmEV', '.01.0w', '0sfevch'))).toBe(true);
  });
  it('rejects a wrong length field', () => {
    expect(check.check(join('glpat', '-', 'vSY1cyL948aAB440qB6L4zlu9OzsUmEV', '.01.0x', '0sfevch'))).toBe(false);
  });
});

describe('atlassian-crc32', () => {
  const check = checksumValidator('atlassian-crc32')!;
  const unit = 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv_Wx-Yz';
  const body = 'ATATT3xFfGF0' + unit.repeat(5).slice(0, 171) + '=';
  it('is CRC32 of the body as upper-case hex', () => {
    expect(body).toHaveLength(184);
    expect(check.check(body + '35BB82B4')).toBe(true);
    expect(check.check(body + '35bb82b4')).toBe(false);
  });
});

describe('AWS account id decoding', () => {
  it('decodes the known vector', () => {
    expect(decodeAwsAccountId(join('ASIA', 'Y34FZKBOKMUTVV7A'))).toBe('609629065308');
  });
  it('refuses old-style keys', () => {
    expect(decodeAwsAccountId(join('AKIA', 'IOSFODNN7EXAMPLE'))).toBeUndefined();
  });
});
