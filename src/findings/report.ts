/** The report every output format renders: findings, what was read, and what was scanned. */
import { toolVersion } from '../version.js';
import type { Finding, Report, ScanScope, ScanStats } from './finding.js';

export function makeReport(findings: Finding[], stats: ScanStats, scan?: ScanScope): Report {
  return { version: 1, tool: { name: 'sprawlguard', version: toolVersion() }, findings, stats, ...(scan ? { scan } : {}) };
}
