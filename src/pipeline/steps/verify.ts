/**
 * Step 6, verification: each distinct secret checked with its provider (`scan --verify`; network,
 * opt-in, audited). The pipeline does not know the providers: the caller passes the function that
 * checks (the verification module), and it runs here, on the findings that are reported, while they
 * still hold their secrets.
 */
import type { ScanSettings } from '../../config/settings.js';
import type { Finding, ScanScope } from '../../findings/finding.js';

/** Sets `verification` on the findings it checked. */
export type VerifyFindings = (findings: Finding[], context: { scope: ScanScope | undefined; settings: ScanSettings }) => Promise<void>;
