import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';

export interface ApiKeyStore {
  /** Look up a key by the SHA-256 of its secret part. */
  findByHash(hash: string): Promise<{ owner: string; scopes: string[] } | undefined>;
}

const KEY_PATTERN = /^nwk_(live|test)_[A-Za-z0-9]{32}$/;

export function apiKeyMiddleware(store: ApiKeyStore, headerName = 'x-api-key'): RequestHandler {
  return async (req, res, next) => {
    const apiKey = req.get(headerName) ?? req.query.api_key;
    if (typeof apiKey !== 'string' || !KEY_PATTERN.test(apiKey)) return res.status(401).end();
    const found = await store.findByHash(createHash('sha256').update(apiKey).digest('hex'));
    if (!found) return res.status(401).end();
    res.locals.apiKeyOwner = found.owner;
    next();
  };
}
