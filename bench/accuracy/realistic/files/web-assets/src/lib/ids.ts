import { customAlphabet } from 'nanoid';

/** Public order ids: not secret, shown to customers and in URLs. */
export const orderId = customAlphabet('0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghijkmnopqrstuvwxyz', 20);

/** Idempotency keys for payment retries. */
export const idempotencyKey = (orderIdValue: string, attempt: number): string => `${orderIdValue}-${attempt}`;

export const EXAMPLE_ORDER_ID = 'ord_8Kq2XvLm4Rt1Yc9Hb3';
export const GIT_COMMIT = '3f9a1c7e2b5d8f0a4c6e1b9d3f7a5c2e8b0d4f6a';
export const CACHE_BUSTER = 'a9f2c41e';
export const TRACKING_ID = 'UA-48291037-2';
export const CSP_NONCE_LENGTH = 16;
