/**
 * Shopify's verification module against a fake Shopify API: the contract every provider module keeps
 * (contract.ts), and what is particular to Shopify.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'Shopify admin token',
    provider: 'shopify',
    secret: join('shpat', '_', body(126, 32, 'hex')),
    companions: { shopifyDomain: 'synth-shop.myshopify.com' },
    live: on('GET', '/admin/oauth/access_scopes.json', json(200, { access_scopes: [{ handle: 'read_products' }, { handle: 'write_orders' }] })),
    dead: () => json(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }),
    request: (req, secret) => expect(req.headers['x-shopify-access-token']).toBe(secret),
    identity: { shop: 'synth-shop.myshopify.com', scopes: 'read_products,write_orders' },
  },
];

const { run } = useFakeProvider();

verifyContract('shopify', CASES, run);

describe('provider-specific verdicts', () => {
  it('Shopify: without the shop nearby nothing is sent', async () => {
    const c = CASES.find((x) => x.name === 'Shopify admin token') as Case;
    const { result, requests } = await run({ ...c, companions: {} }, c.live);
    expect(result.status).toBe('unknown');
    expect(requests).toEqual([]);
  });

  it('Shopify: a shop that is not on myshopify.com is never contacted', async () => {
    const c = CASES.find((x) => x.name === 'Shopify admin token') as Case;
    const { result, requests } = await run({ ...c, companions: { shopifyDomain: 'shop.evil.test' } }, c.live);
    expect(result.status).toBe('unknown');
    expect(requests).toEqual([]);
  });
});
