/**
 * NATS nkey seeds (`SU…`, `SA…`, `SO…`): the second letter says whose key it is. The checksum is
 * checked by the rule (`nkey-crc16`); this names the key's role.
 */
import type { Refiner } from '../refine.js';

const ROLES: Record<string, string> = { U: 'user', A: 'account', O: 'operator', N: 'server', C: 'cluster', X: 'curve', P: 'private' };

export const nkeySeed: Refiner = (secret) => {
  const role = ROLES[secret[1] ?? ''];
  return role === undefined ? null : { facts: { nkeyRole: role } };
};
