/**
 * Values in files whose format says what they hold (`.netrc`, `.pgpass`, `.msmtprc`, DBeaver and
 * FTP-sync configs, `wp-config.php`): the file is trusted as a credential store, so a password
 * that is a plain word (`postgres`, `Summer2023!`) is still a password. What is rejected is what
 * holds no credential: references and commands (`$VAR`, `%VAR%`, `` `cmd` ``, `{self.password}`),
 * encrypted values (Maven's `{…}`, `ENC(…)`), and, under a token or key name, a value made of words.
 * The placeholder filter has already run on the value.
 */
import { isCiphertext, isMarker, isReference } from '../generic/code.js';
import { isTestValue } from '../generic/words.js';
import { isPlaceholder } from '../placeholders.js';
import type { Refiner } from '../refine.js';

/** A password-like name just before the value (`password = "`, `"pass": "`): such values may be words. */
const PASSWORD_NAME = /(?:pass(?:word|wd|phrase)?|pwd|psw)["']?[ \t]*[=:]?[ \t]*["']?$/i;

/** What no credential file holds as a credential: references, commands, encrypted values. */
function notACredential(value: string): boolean {
  if (value.length === 0 || isPlaceholder(value)) return true;
  // References and commands: `${VAR}`, `$(cmd)`, `%VAR%`, backticks, `@token@`, and format fields
  // anywhere in it (`{self.password}`, `{0}`): the line is a template in code, not the file.
  if (/^(?:\$[{(]|%\w+%$|`|@\w+@$)|\{[\w.]*\}/.test(value)) return true;
  // Template and deploy-time markers (`__DB_PASSWORD__`, `#{Password}#`, Terraform `var.db_password`),
  // and references to a secret store (`vault:secret/data/app#password`, an ARN).
  if (isMarker(value) || isReference(value)) return true;
  // Code that reads the value from somewhere else (`secret.Data["npm_token"]`, `os.environ['X']`).
  if (/[A-Za-z_]\w*\[(?:["'`]|$)|^[A-Za-z_][\w.]*\.[A-Za-z_]\w*\(/.test(value)) return true;
  // A chain of three or more member names (`Rails.application.credentials.db_password`) reads one.
  if (/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){2,}$/.test(value)) return true;
  // A description in brackets where the value was left out (`(sensitive value)`, `<hidden>`, `[redacted]`).
  if (/^[(<[][a-z]/i.test(value)) return true;
  // Masked values (`***hidden***`), and made-up ones that say so (`demo_pass213`, `changeit`).
  if (/\*{3,}/.test(value) || isTestValue(value)) return true;
  // Encrypted forms whose key is kept elsewhere (SOPS `ENC[…]`, jasypt `ENC(…)`, Vault transit, KMS,
  // Ansible Vault; Maven settings-security `{…}`).
  return isCiphertext(value) || /^\{[A-Za-z0-9+/=]{16,}\}$|^enc:/.test(value);
}

/** The value without the quotes, and the punctuation of code around a quoted line (`'",`), a whitespace-delimited format captures. */
function unquote(secret: string): string {
  return secret.replace(/^["']/, '').replace(/["'`]?[,;)\]}]*$/, '');
}

/** The value is a password by the file's format (`.pgpass`, `.netrc`): a plain word counts. */
export const credentialFilePassword: Refiner = (secret) => (notACredential(secret) || notACredential(unquote(secret)) ? null : {});

/**
 * The value's name decides: under a password name it may be a word; under a token, secret or key
 * name it must look generated (a value made of lower-case words is a stand-in).
 */
export const credentialFileValue: Refiner = (secret, context) => {
  const value = unquote(secret);
  if (notACredential(secret) || notACredential(value)) return null;
  if (PASSWORD_NAME.test(context.before ?? '')) return {};
  if (value.length < 8 || /^[a-z]+(?:[-_. ][a-z]+)*$/.test(value)) return null;
  return {};
};

const WINSCP_MAGIC = 0xa3;
const WINSCP_FLAG = 0xff;

/**
 * WinSCP session passwords (`Password=` in WinSCP.ini or the registry) are obfuscated, not
 * encrypted: each byte is `~(b ^ 0xA3)` in hex, after a flag, a length and a random shift. The
 * structure must hold: a length that fits the value, and printable characters where the password is.
 */
export const winscpPassword: Refiner = (secret) => {
  if (!/^(?:[0-9A-F]{2})+$/i.test(secret)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < secret.length; i += 2) bytes.push(~(Number.parseInt(secret.slice(i, i + 2), 16) ^ WINSCP_MAGIC) & 0xff);
  let at = 0;
  const next = (): number => bytes[at++] ?? -1;
  const flag = next();
  let length = flag;
  if (flag === WINSCP_FLAG) {
    next();
    length = next();
  }
  const shift = next();
  if (length <= 0 || shift < 0) return null;
  at += shift;
  if (at + length > bytes.length) return null;
  for (let i = 0; i < length; i++) {
    const c = next();
    if (c < 0x20 || c === 0x7f) return null;
  }
  return { facts: { encoding: 'winscp-obfuscated' } };
};
