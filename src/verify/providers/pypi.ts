/**
 * PyPI API tokens (fact sheet §11). PyPI has no read-only way to check a token: the only probe is an
 * upload attempt built to fail, which is still a write request against someone's account. sprawlguard
 * does not make it, so PyPI tokens are reported "unverifiable". Their macaroon caveats (expiry,
 * project restriction) are decoded offline by the scanner. Revocation is manual; PyPI also revokes
 * tokens reported to it through GitHub secret scanning.
 */
import { manual, unverifiable, type ProviderModule, type RevokePlan, type VerifyResult } from '../provider-module.js';

function verify(): Promise<VerifyResult> {
  return Promise.resolve(unverifiable('PyPI has no read-only token check; the only probe is an upload attempt, which sprawlguard does not make'));
}

function planRevoke(): RevokePlan {
  return manual(
    'Remove the token under Account settings → API tokens, and publish through Trusted Publishing (OIDC) instead of long-lived tokens.',
    'https://pypi.org/manage/account/',
    'PyPI has no API to revoke a token',
  );
}

export const pypi: ProviderModule = { id: 'pypi', name: 'PyPI', verify, planRevoke };
