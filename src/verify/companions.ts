/**
 * Companion lookup: the values a provider needs besides the secret (the other half of an AWS key
 * pair, a Twilio SID, a Shopify shop, an Atlassian site and email, a Datadog site, a Docker Hub
 * username), taken from what surrounds the secret where it was found.
 *
 * The engine reports one secret per finding, so the lookup works after the fact, from two sources:
 *
 * 1. Sibling findings: secrets other rules found in the same source (same file, commit and
 *    repository). A sibling counts when its rule id is one of the kind's rules (an AWS key id pairs
 *    with an `aws-secret-access-key` finding). These have passed the engine's gates, so they win.
 * 2. Nearby text: the source's text, when it can be read again, searched with small patterns for
 *    the kinds no rule reports (hosts, emails, usernames, SIDs).
 *
 * Both look only within COMPANION_LINES lines of the secret, and take the nearest candidate (on a
 * tie, the later one: a key id is usually written before its secret). Limits: a companion further
 * away, in another file, or in an environment variable is not found, and the provider's verdict is
 * then `unknown` with a reason that says what was missing; when several pairs sit close together,
 * the nearest may be the wrong one, which shows as a failed signature rather than a wrong verdict.
 * The lookup is pure: the callers read files and pass text in.
 */
import type { CompanionKind, Companions } from './provider-module.js';

/** How many lines above and below a secret its companions may be. */
export const COMPANION_LINES = 8;

export interface SiblingSecret {
  ruleId: string;
  secret: string;
  /** 1-based line of the sibling's first character. */
  line: number;
}

export interface SourceText {
  text: string;
  /** 1-based line number of the text's first line. */
  firstLine: number;
}

export interface CompanionQuery {
  /** 1-based lines of the secret's first and last character. */
  line: number;
  endLine: number;
  /** Secrets found in the same source, with their rules (the finding itself may be among them). */
  siblings: readonly SiblingSecret[];
  /** The source's text around the secret, when it can be read. */
  text?: SourceText;
}

interface KindSpec {
  /** Rule ids whose findings are this kind of companion. */
  rules?: readonly string[];
  /** Patterns over nearby text; capture group 1 is the value. Must carry the `g` flag. */
  patterns?: readonly RegExp[];
  /** Normalise or reject a candidate. */
  accept?: (value: string) => string | undefined;
}

const B64_40 = (value: string): string | undefined =>
  /^[A-Za-z0-9/+]{40}$/.test(value) && !/^[0-9a-f]{40}$/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value) ? value : undefined;

const DATADOG_HOST = /^(?:(?:us3|us5|ap1)\.)?datadoghq\.(?:com|eu)$|^ddog-gov\.com$/;

const SPECS: Record<CompanionKind, KindSpec> = {
  awsSecretAccessKey: {
    rules: ['aws-secret-access-key', 'aws-secret-access-key-pair'],
    patterns: [
      /(?:secret[_-]?access[_-]?key|aws[_-]?secret[\w-]{0,20})["']?\s{0,5}(?:=>|:=|[:=])\s{0,5}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
      /\b(?:AKIA|ASIA)[A-Z2-7]{16}["']?\s{0,3}[,;:|\t ]\s{0,3}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    ],
    accept: B64_40,
  },
  awsAccessKeyId: {
    rules: ['aws-access-key-id', 'aws-temporary-access-key-id'],
    patterns: [/\b((?:AKIA|ASIA)[A-Z2-7]{16})\b/g],
  },
  awsSessionToken: {
    rules: ['aws-session-token'],
    patterns: [/(?:session[_-]?token|security[_-]?token)["']?\s{0,5}(?:=>|[:=])\s{0,5}["']?([A-Za-z0-9/+]{100,4000}={0,2})(?![A-Za-z0-9/+=])/gi],
  },
  twilioAccountSid: { patterns: [/\b(AC[0-9a-f]{32})\b/g] },
  twilioKeySid: { patterns: [/\b(SK[0-9a-f]{32})\b/g] },
  googleClientEmail: { patterns: [/"client_email"\s{0,10}:\s{0,10}"([^"\s@]{1,100}@[a-z0-9-]{1,100}\.iam\.gserviceaccount\.com)"/g] },
  googlePrivateKeyId: { patterns: [/"private_key_id"\s{0,10}:\s{0,10}"([0-9a-f]{40})"/g] },
  shopifyDomain: {
    patterns: [/\b([a-z0-9][a-z0-9-]{0,60}\.myshopify\.com)\b/gi],
    accept: (v) => v.toLowerCase(),
  },
  atlassianSite: {
    patterns: [/\b([a-z0-9][a-z0-9-]{0,62}\.atlassian\.net)\b/gi],
    accept: (v) => v.toLowerCase(),
  },
  atlassianEmail: {
    patterns: [/(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6})(?![A-Za-z0-9-])/g],
    // An address at the site's own domain is a mail handler, not the account.
    accept: (v) => (/@[^@]*\.atlassian\.net$/i.test(v) ? undefined : v),
  },
  datadogSite: {
    patterns: [/\b(?:api\.|app\.)?((?:(?:us3|us5|ap1)\.)?datadoghq\.(?:com|eu)|ddog-gov\.com)\b/gi],
    accept: (v) => {
      const host = v.toLowerCase();
      return DATADOG_HOST.test(host) ? `api.${host}` : undefined;
    },
  },
  dockerUsername: {
    patterns: [
      /docker[\w.-]{0,16}(?:user(?:name)?|login)["']?\s{0,3}(?:=>|[:=])\s{0,3}["']?([A-Za-z0-9][A-Za-z0-9._-]{1,63})/gi,
      /docker\s{1,3}login\b[^\n]{0,200}?(?:-u|--username)[ =]["']?([A-Za-z0-9][A-Za-z0-9._-]{1,63})/gi,
    ],
    accept: (v) => (/^(?:\$|secrets?$|env$)/i.test(v) ? undefined : v.toLowerCase()),
  },
};

interface Candidate {
  value: string;
  line: number;
}

function nearest(candidates: readonly Candidate[], query: CompanionQuery): string | undefined {
  let best: Candidate | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const distance = c.line < query.line ? query.line - c.line : c.line > query.endLine ? c.line - query.endLine : 0;
    if (distance > COMPANION_LINES) continue;
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && c.line > best.line)) {
      best = c;
      bestDistance = distance;
    }
  }
  return best?.value;
}

/** The text of lines [from, to] of a source, with the line number of its first line. */
function window(source: SourceText, from: number, to: number): SourceText {
  let start = 0;
  let line = source.firstLine;
  while (line < from) {
    const nl = source.text.indexOf('\n', start);
    if (nl < 0) return { text: '', firstLine: from };
    start = nl + 1;
    line++;
  }
  let end = start;
  for (let l = line; l <= to; l++) {
    const nl = source.text.indexOf('\n', end);
    if (nl < 0) {
      end = source.text.length;
      break;
    }
    end = nl + 1;
  }
  return { text: source.text.slice(start, end), firstLine: line };
}

function textCandidates(spec: KindSpec, source: SourceText): Candidate[] {
  const out: Candidate[] = [];
  for (const pattern of spec.patterns ?? []) {
    pattern.lastIndex = 0;
    let line = source.firstLine;
    let counted = 0;
    for (let m = pattern.exec(source.text); m !== null; m = pattern.exec(source.text)) {
      if (m[0].length === 0) pattern.lastIndex++;
      const value = m[1];
      if (value === undefined) continue;
      const at = m.index + m[0].lastIndexOf(value);
      for (let i = source.text.indexOf('\n', counted); i >= 0 && i < at; i = source.text.indexOf('\n', i + 1)) {
        line++;
        counted = i + 1;
      }
      out.push({ value, line });
    }
  }
  return out;
}

function accepted(spec: KindSpec, candidates: Candidate[], exclude: string | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.value === exclude) continue;
    const value = spec.accept ? spec.accept(c.value) : c.value;
    if (value !== undefined) out.push({ value, line: c.line });
  }
  return out;
}

/**
 * Look up each requested companion near one secret. `secret` is excluded from the candidates so a
 * finding never pairs with itself.
 */
export function findCompanions(kinds: readonly CompanionKind[], query: CompanionQuery, secret?: string): Companions {
  const found: Companions = {};
  const nearby = query.text ? window(query.text, query.line - COMPANION_LINES, query.endLine + COMPANION_LINES) : undefined;
  for (const kind of kinds) {
    const spec = SPECS[kind];
    const rules = spec.rules ?? [];
    const fromSiblings = accepted(
      spec,
      query.siblings.filter((s) => rules.includes(s.ruleId)).map((s) => ({ value: s.secret, line: s.line })),
      secret,
    );
    let value = nearest(fromSiblings, query);
    if (value === undefined && nearby) value = nearest(accepted(spec, textCandidates(spec, nearby), secret), query);
    if (value !== undefined) found[kind] = value;
  }
  return found;
}
