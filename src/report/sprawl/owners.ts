/**
 * Who to ask about a secret: the authors of the commits that added each copy, the CODEOWNERS
 * owners of the paths it is in (when the repository has a CODEOWNERS file), and the people who
 * wrote the tickets or messages holding it. Pure: from occurrence records and each repository's
 * CODEOWNERS rules as the inventory keeps them.
 */
import { minimatch } from 'minimatch';
import type { CodeOwnersRule, OccurrenceRecord } from '../../inventory/records.js';

export interface CommitAuthor {
  name: string;
  email?: string;
  /** `repo: path` of each copy this person's commit added. */
  places: string[];
}

export interface CodeOwnersEntry {
  repo: string;
  path: string;
  /** The last matching rule's pattern, and its owners. */
  pattern: string;
  owners: string[];
}

export interface TicketAuthor {
  system: string;
  ticket: string;
  author: string;
}

export interface SecretOwners {
  authors: CommitAuthor[];
  codeOwners: CodeOwnersEntry[];
  ticketAuthors: TicketAuthor[];
}

/** `Name <email>` (git's form) into its parts; a bare name or id stays a name. */
export function splitAuthor(author: string): { name: string; email?: string } {
  const m = /^(.*?)\s*<([^<>]*)>$/.exec(author.trim());
  if (!m) return { name: author.trim() };
  const name = (m[1] ?? '').trim();
  const email = (m[2] ?? '').trim();
  return email === '' ? { name } : { name: name || email, email };
}

export function ownersOf(occurrences: readonly OccurrenceRecord[], codeownersOf: (repo: string) => readonly CodeOwnersRule[] | undefined): SecretOwners {
  const authors = new Map<string, CommitAuthor>();
  const codeOwners: CodeOwnersEntry[] = [];
  const ticketAuthors: TicketAuthor[] = [];
  const seenPaths = new Set<string>();
  for (const o of occurrences) {
    const isTicket = o.ticket !== '' || o.system !== '';
    if (isTicket) {
      if (o.author) ticketAuthors.push({ system: o.system || 'tickets', ticket: o.ticket, author: o.author });
      continue;
    }
    if (o.author) {
      const who = splitAuthor(o.author);
      const key = (who.email ?? who.name).toLowerCase();
      const entry = authors.get(key) ?? { ...who, places: [] };
      entry.places.push(o.repo ? `${o.repo}: ${o.path}` : o.path);
      authors.set(key, entry);
    }
    const rules = o.repo ? codeownersOf(o.repo) : undefined;
    const pathKey = `${o.repo}\0${o.path}`;
    if (rules && !seenPaths.has(pathKey)) {
      seenPaths.add(pathKey);
      const rule = matchCodeOwners(rules, o.path);
      if (rule && rule.owners.length > 0) codeOwners.push({ repo: o.repo, path: o.path, pattern: rule.pattern, owners: rule.owners });
    }
  }
  const byText = (a: string, b: string): number => a.localeCompare(b);
  return {
    authors: [...authors.values()].map((a) => ({ ...a, places: [...new Set(a.places)].sort(byText) })).sort((a, b) => byText(a.name, b.name)),
    codeOwners: codeOwners.sort((a, b) => byText(a.repo, b.repo) || byText(a.path, b.path)),
    ticketAuthors: dedupe(ticketAuthors).sort((a, b) => byText(a.system, b.system) || byText(a.ticket, b.ticket) || byText(a.author, b.author)),
  };
}

/** Everyone to ask, once each, in a short form: commit authors, CODEOWNERS owners, ticket authors. */
export function ownerNames(owners: SecretOwners): string[] {
  const names = [
    ...owners.authors.map((a) => (a.email ? `${a.name} <${a.email}>` : a.name)),
    ...owners.codeOwners.flatMap((c) => c.owners),
    ...owners.ticketAuthors.map((t) => t.author),
  ];
  return [...new Set(names)];
}

/**
 * The rule that owns `filePath`: as GitHub reads CODEOWNERS, the last matching line wins. A pattern
 * follows gitignore rules: one without a slash (other than a trailing one) matches at any depth,
 * a leading slash anchors it at the root, a trailing slash (or a directory name) covers everything under it.
 */
export function matchCodeOwners(rules: readonly CodeOwnersRule[], filePath: string): CodeOwnersRule | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i] as CodeOwnersRule;
    if (codeOwnersPatternMatches(rule.pattern, filePath)) return rule;
  }
  return undefined;
}

function codeOwnersPatternMatches(pattern: string, filePath: string): boolean {
  let p = pattern;
  const anchored = p.startsWith('/') || p.slice(0, -1).includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  if (p.endsWith('/')) p += '**';
  if (!anchored && !p.startsWith('**/')) p = `**/${p}`;
  const options = { dot: true, nocomment: true, nonegate: true };
  if (minimatch(filePath, p, options)) return true;
  // A pattern naming a directory covers everything under it; `docs/*` does not reach `docs/a/b`.
  return !p.endsWith('*') && minimatch(filePath, `${p}/**`, options);
}

function dedupe(list: TicketAuthor[]): TicketAuthor[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const key = `${t.system}\0${t.ticket}\0${t.author}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
