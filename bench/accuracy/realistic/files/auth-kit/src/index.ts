export { hashPassword, verifyPassword, needsRehash } from './password';
export { signToken, verifyToken, type TokenClaims } from './token';
export { apiKeyMiddleware } from './apiKey';
export { redact } from './redact';
