/**
 * Passwords set by SQL statements (`ALTER ROLE … PASSWORD '…'`, `CREATE USER … IDENTIFIED BY '…'`,
 * `CREATE LOGIN … WITH PASSWORD = '…'`, `SET PASSWORD … = '…'`) in migrations, init scripts and
 * dumps. The statement says the value is a password, so a plain word counts. What is not a
 * password in clear: a hash the server stores (`md5…`, `SCRAM-SHA-256$…`, MySQL `*…`: the
 * password-hash rules report those), bind parameters and variables, and placeholders.
 */
import { isPlaceholder } from '../placeholders.js';
import type { Refiner } from '../refine.js';

const SERVER_HASH = /^(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$|\*[0-9A-F]{40}$|\$[0-9a-z]{1,6}\$)/;

export const sqlStatementPassword: Refiner = (secret, context) => {
  if (SERVER_HASH.test(secret) || isPlaceholder(secret)) return null;
  // SQL NULL and the words of the statement's own grammar are not passwords.
  if (/^(?:null|none|default|expire[ds]?|values?|password|external|globally)$/i.test(secret)) return null;
  // Prose that reads like a statement (`… Create User flow, the user must enter the temporary password
  // in the sign-in page`): an English word after it, unquoted, is prose, not a password.
  if (!/["'`]$/.test(context.before ?? '') && /^(?:a|an|the|in|on|at|to|of|for|by|as|is|it|its|be|and|or|if|so|via|their|there|these|those|which|where|when|with|from|after|before|again|below|above|account|name|email)$/.test(secret)) return null;
  return {};
};
