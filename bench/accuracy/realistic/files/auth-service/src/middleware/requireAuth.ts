import type { NextFunction, Request, Response } from 'express';
import { jwtVerify, createRemoteJWKSet } from 'jose';

const JWKS = createRemoteJWKSet(new URL('https://auth.northwind-goods.de/.well-known/jwks.json'));

export async function requireAuth(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization ?? '';
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer' || !token) return res.status(401).json({ error: 'missing bearer token' });
  try {
    const { payload } = await jwtVerify(token, JWKS, { issuer: 'https://auth.northwind-goods.de', audience: 'api' });
    res.locals.user = payload.sub;
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}

export function basicAuth(expectedUser: string, expectedPassword: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    const [user, password] = Buffer.from(encoded ?? '', 'base64').toString().split(':');
    if (scheme === 'Basic' && user === expectedUser && password === expectedPassword) return next();
    res.set('WWW-Authenticate', 'Basic realm="metrics"').sendStatus(401);
  };
}
