/** Scan reports' formats: each lives in its own module, so a scan loads only the one it prints. */
import type { FormatName, ScanFormatter } from './scan-formatter.js';

export async function loadFormatter(name: FormatName): Promise<ScanFormatter> {
  switch (name) {
    case 'text':
      return (await import('./text.js')).formatText;
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'sarif':
      return (await import('./sarif.js')).formatSarif;
    case 'csv':
      return (await import('./csv.js')).formatCsv;
    case 'markdown':
      return (await import('./markdown.js')).formatMarkdown;
    case 'gitlab':
      return (await import('./gitlab.js')).formatGitlab;
    case 'junit':
      return (await import('./junit.js')).formatJunit;
  }
}

export { FORMATS, type FormatName, type ScanFormatContext, type ScanFormatter } from './scan-formatter.js';
