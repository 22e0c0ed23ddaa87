/**
 * NTLM type 3 messages (`Authorization: NTLM TlRMTVNTUAAD…`): the client's answer to a server
 * challenge. The NT response in it can be cracked offline (NetNTLMv1 quickly, v2 by guessing) to
 * recover the user's password, so it is reported like a password hash. An anonymous message
 * (empty responses) holds nothing; type 1 and type 2 messages never match the rule.
 */
import type { Refiner } from '../refine.js';

const SIGNATURE = 'NTLMSSP\0';

/** A security buffer: length and offset of a field in the message. */
function field(message: Buffer, at: number): { length: number; offset: number } {
  return { length: message.readUInt16LE(at), offset: message.readUInt32LE(at + 4) };
}

function text(message: Buffer, buffer: { length: number; offset: number }, unicode: boolean): string {
  const bytes = message.subarray(buffer.offset, buffer.offset + buffer.length);
  return (unicode ? bytes.toString('utf16le') : bytes.toString('latin1')).replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
}

export const ntlmResponse: Refiner = (secret) => {
  const message = Buffer.from(secret, 'base64');
  if (message.length < 64 || message.toString('latin1', 0, 8) !== SIGNATURE || message.readUInt32LE(8) !== 3) return null;
  const nt = field(message, 20);
  const domain = field(message, 28);
  const user = field(message, 36);
  for (const f of [nt, domain, user]) if (f.offset + f.length > message.length) return null;
  if (nt.length === 0 || user.length === 0) return null;
  const flags = message.length >= 64 ? message.readUInt32LE(60) : 0;
  const unicode = (flags & 1) === 1;
  const facts: Record<string, string> = { ntlm: nt.length === 24 ? 'NetNTLMv1' : 'NetNTLMv2', username: text(message, user, unicode) };
  if (domain.length > 0) facts.domain = text(message, domain, unicode);
  return { facts, lifetime: 'long-lived' };
};
