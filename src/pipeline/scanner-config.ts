/** The scanner's configuration for a run: the rules and the engine's allowlists from the settings, and what to keep on findings. */
import type { ScanSettings } from '../config/settings.js';
import type { ScannerConfig } from '../scan/chunk-scanner.js';
import { engineAllowlist } from './steps/allowlist.js';

export function scannerConfig(settings: ScanSettings, options: { includeSecrets?: boolean; fingerprintKey?: string } = {}): ScannerConfig {
  return {
    rules: settings.rules,
    ...engineAllowlist(settings),
    ...(options.includeSecrets !== undefined ? { includeSecrets: options.includeSecrets } : {}),
    fingerprintKey: options.fingerprintKey,
  };
}
