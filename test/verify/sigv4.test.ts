/**
 * SigV4 against AWS's published test-suite vectors (the documented example key AKIDEXAMPLE, not a
 * credential), and the canonical forms it is built from.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { amzDate, canonicalQuery, signV4, uriEncode } from '../../src/verify/sigv4.js';

// AWS's SigV4 test suite (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html).
const SUITE = {
  region: 'us-east-1',
  service: 'service',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: ['wJalrXUtnFEMI', 'K7MDENG+bPxRfiCYEXAMPLEKEY'].join('/'),
  amzDate: '20150830T123600Z',
};

describe('SigV4', () => {
  it('matches the published "get-vanilla" signature and Authorization header', () => {
    const signed = signV4({ ...SUITE, method: 'GET', url: new URL('https://example.amazonaws.com/') });
    expect(signed.canonicalRequest).toBe(
      ['GET', '/', '', 'host:example.amazonaws.com', 'x-amz-date:20150830T123600Z', '', 'host;x-amz-date', createHash('sha256').update('').digest('hex')].join('\n'),
    );
    expect(signed.signature).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
    expect(signed.headers['x-amz-date']).toBe('20150830T123600Z');
  });

  it('matches the published "get-vanilla-query-order-key-case" signature (query sorted before signing)', () => {
    const signed = signV4({ ...SUITE, method: 'GET', url: new URL('https://example.amazonaws.com/?Param2=value2&Param1=value1') });
    expect(signed.signature).toBe('b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500');
  });

  it('signs the session token header when one is given', () => {
    const signed = signV4({ ...SUITE, method: 'GET', url: new URL('https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15'), sessionToken: 'tok' });
    expect(signed.headers['x-amz-security-token']).toBe('tok');
    expect(signed.headers.authorization).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token,');
  });

  it('encodes queries the RFC 3986 way and formats dates as AWS wants', () => {
    expect(uriEncode("a b!*'()~")).toBe('a%20b%21%2A%27%28%29~');
    expect(canonicalQuery(new URLSearchParams('b=2&a=1&A=0'))).toBe('A=0&a=1&b=2');
    expect(amzDate(new Date('2026-05-01T12:34:56.789Z'))).toBe('20260501T123456Z');
  });
});
