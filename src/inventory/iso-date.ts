/**
 * Dates as the inventory and every report keep them: ISO 8601 in UTC. Sources write dates their own
 * way (git: `2025-03-01T10:00:00+01:00`; Jira exports: `01/Mar/25 3:42 PM`; ServiceNow:
 * `2025-03-01 10:00:00`); a date with no zone is read as UTC. Text that is no date is kept as it
 * is rather than dropped, so nothing a source said is lost.
 */

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

/** `01/Mar/25`, `1/mar/2025 3:42 PM`, `01-Mar-25 15:42`: Jira's day/month-name/year exports. */
const DAY_MONTH_NAME_YEAR = /^(\d{1,2})[/\-. ]([A-Za-z]{3})[A-Za-z]*[/\-. ](\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
/** `2025-03-01 10:00:00` (no zone): read as UTC. */
const SPACE_SEPARATED = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
/** Bounded: no date is longer, and longer text is not parsed at all. */
const MAX_DATE_LENGTH = 64;

/** `text` as an ISO 8601 UTC time (`2025-03-01T15:42:00.000Z`), or undefined when it is no date. */
export function parseIsoDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === '' || t.length > MAX_DATE_LENGTH) return undefined;
  const named = DAY_MONTH_NAME_YEAR.exec(t);
  if (named) {
    const [, d, mon, y, hh, mm, ss, ampm] = named;
    const month = MONTHS[(mon as string).toLowerCase()];
    if (month === undefined) return undefined;
    let year = Number(y);
    if (year < 100) year += 2000;
    let hours = Number(hh ?? 0);
    if (ampm) hours = (hours % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
    const ms = Date.UTC(year, month, Number(d), hours, Number(mm ?? 0), Number(ss ?? 0));
    return valid(ms);
  }
  const spaced = SPACE_SEPARATED.exec(t);
  if (spaced) return valid(Date.parse(`${spaced[1]}T${spaced[2]}Z`));
  // ISO 8601 with a zone, a bare date (`2025-03-01`, UTC by definition) or RFC 2822.
  if (/^\d{4}-\d{2}-\d{2}(T.*(Z|[+-]\d{2}:?\d{2}))?$/i.test(t) || /^[A-Za-z]{3}, /.test(t)) return valid(Date.parse(t));
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(t)) return valid(Date.parse(`${t}Z`));
  return undefined;
}

/** `text` in ISO 8601 UTC when it is a date, else as it was. */
export function isoDate(text: string | undefined): string | undefined {
  return parseIsoDate(text) ?? text;
}

function valid(ms: number): string | undefined {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}
