/**
 * Twilio's verification module against a fake Twilio API: the contract every provider module keeps
 * (contract.ts), and what is particular to Twilio.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { basic, on, useFakeProvider, verifyContract, type Case } from './contract.js';

const TWILIO_SID = join('AC', body(71, 32, 'hex'));

const CASES: Case[] = [
  {
    name: 'Twilio auth token',
    provider: 'twilio',
    ruleId: 'twilio-auth-token',
    secret: body(115, 32, 'hex'),
    companions: { twilioAccountSid: TWILIO_SID },
    live: on('GET', '/2010-04-01/Accounts.json', json(200, { accounts: [{ sid: TWILIO_SID, friendly_name: 'Synth', status: 'active', type: 'Full' }] })),
    dead: on('GET', '/2010-04-01/Accounts.json', json(401, { code: 20003, message: 'Authenticate', status: 401 })),
    request: (req, secret) => expect(req.headers.authorization).toBe(basic(TWILIO_SID, secret)),
    identity: { account: TWILIO_SID, name: 'Synth', kind: 'auth token' },
  },
];

const { run } = useFakeProvider();

verifyContract('twilio', CASES, run);

describe('provider-specific verdicts', () => {
  it('Twilio: without a SID nearby nothing is sent; a SID is not a secret', async () => {
    const c = CASES.find((x) => x.provider === 'twilio') as Case;
    expect((await run({ ...c, companions: {} }, c.live)).requests).toEqual([]);
    expect((await run({ ...c, secret: TWILIO_SID }, c.live)).result.reason).toContain('SID');
  });
});
