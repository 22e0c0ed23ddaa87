/**
 * Discord's verification module against a fake Discord API: the contract every provider module keeps
 * (contract.ts).
 */
import { expect } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const DISCORD_WEBHOOK = join('https://discord.com/api/webhooks/', body(61, 19, 'digits'), '/', body(62, 68, 'b64u'));

const CASES: Case[] = [
  {
    name: 'Discord bot token',
    provider: 'discord',
    secret: join(Buffer.from('104729384756102938').toString('base64url'), '.', body(123, 6, 'b64u'), '.', body(124, 38, 'b64u')),
    live: on('GET', '/api/v10/users/@me', json(200, { id: '104729384756102938', username: 'synth-bot', discriminator: '0', bot: true })),
    dead: on('GET', '/api/v10/users/@me', json(401, { message: '401: Unauthorized', code: 0 })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bot ${secret}`),
    identity: { botId: '104729384756102938', username: 'synth-bot' },
  },
  {
    name: 'Discord webhook',
    provider: 'discord',
    secret: DISCORD_WEBHOOK,
    // The real answer echoes the webhook's token; the identity must not.
    live: (req) => (req.path === new URL(DISCORD_WEBHOOK).pathname ? json(200, { type: 1, id: '1', name: 'alerts', channel_id: '2', guild_id: '3', token: DISCORD_WEBHOOK.split('/').pop() }) : json(404, {})),
    dead: () => json(404, { message: 'Unknown Webhook', code: 10015 }),
    request: (req) => expect(req.method).toBe('GET'),
    identity: { name: 'alerts', channelId: '2' },
  },
];

const { run } = useFakeProvider();

verifyContract('discord', CASES, run);
