import type { Refiner } from '../refine.js';

/** Discord bot tokens: the first segment is the base64 of the bot's numeric user id. */
export const discordBotToken: Refiner = (secret) => {
  const first = secret.split('.')[0] ?? '';
  let decoded: string;
  try {
    decoded = Buffer.from(first, 'base64url').toString('latin1');
  } catch {
    return null;
  }
  if (!/^[0-9]{15,21}$/.test(decoded)) return null;
  return { facts: { botUserId: decoded } };
};
