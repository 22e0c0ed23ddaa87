import type { Refiner } from '../refine.js';
import { expiryFacts } from './lifetime.js';

/** Azure SAS query strings: `se=` is the expiry. */
export const azureSas: Refiner = (secret, context) => {
  const se = /(?:^|[?&])se=([0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}(?::|%3A)[0-9]{2}(?:(?::|%3A)[0-9]{2})?Z?)?)/i.exec(secret);
  if (!se) return { lifetime: 'expiring' };
  const when = Date.parse(decodeURIComponent(se[1] as string));
  if (Number.isNaN(when)) return { lifetime: 'expiring' };
  return { ...expiryFacts(Math.floor(when / 1000), context), lifetime: 'expiring' };
};
