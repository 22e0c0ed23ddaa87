import type { Refiner } from '../refine.js';

/**
 * NTLM authenticate (type 3) messages: `NTLMSSP\0`, type 3, then security buffers (length,
 * allocated length, offset) for the LM and NT responses, domain, user and workstation. A message
 * whose NT response is empty or points outside it is not a captured login.
 */
export const ntlmAuthenticate: Refiner = (secret) => {
  const bytes = Buffer.from(secret, 'base64');
  if (bytes.length < 64 || bytes.toString('latin1', 0, 8) !== 'NTLMSSP\0' || bytes.readUInt32LE(8) !== 3) return null;
  const field = (at: number): { length: number; offset: number } => ({ length: bytes.readUInt16LE(at), offset: bytes.readUInt32LE(at + 4) });
  const nt = field(20);
  if (nt.length < 24 || nt.offset + nt.length > bytes.length) return null;
  const user = field(36);
  const domain = field(28);
  const text = (f: { length: number; offset: number }): string =>
    f.length > 0 && f.offset + f.length <= bytes.length ? bytes.toString('utf16le', f.offset, f.offset + f.length).replace(/[^\x20-\x7e]/g, '') : '';
  const facts: Record<string, string> = { response: nt.length === 24 ? 'NTLMv1' : 'NTLMv2' };
  const name = [text(domain), text(user)].filter(Boolean).join('\\');
  if (name !== '') facts.username = name.slice(0, 100);
  return { facts };
};
