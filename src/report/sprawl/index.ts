/**
 * The sprawl report's formats: text (terminals), JSON (other tools), Markdown (job summaries,
 * issues), HTML (one self-contained file) and CSV (the remediation queue, for trackers). Each lives in its own module and is loaded on its own.
 */
import type { Formatter } from '../formatter.js';
import type { SprawlReport } from './model.js';

export const SPRAWL_FORMATS = ['text', 'json', 'markdown', 'html', 'csv'] as const;
export type SprawlFormat = (typeof SPRAWL_FORMATS)[number];

/** The sprawl report carries all it shows (its time, the tool's version): its formats need no context. */
export type SprawlFormatContext = Readonly<Record<string, never>>;

export type SprawlFormatter = Formatter<SprawlReport, SprawlFormatContext>;

export async function loadSprawlFormatter(name: SprawlFormat): Promise<SprawlFormatter> {
  switch (name) {
    case 'json':
      return (await import('./json.js')).formatSprawlJson;
    case 'text':
      return (await import('./text.js')).formatSprawlText;
    case 'markdown':
      return (await import('./markdown.js')).formatSprawlMarkdown;
    case 'html':
      return (await import('./html.js')).formatSprawlHtml;
    case 'csv':
      return (await import('./csv.js')).formatSprawlCsv;
  }
}

export async function formatSprawlReport(report: SprawlReport, format: SprawlFormat): Promise<string> {
  return (await loadSprawlFormatter(format))(report, {});
}
