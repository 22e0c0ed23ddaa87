/**
 * The contract between the verification/revocation runner and one provider module.
 *
 * A provider module knows one provider's API: how to ask whether a credential is live, who it
 * belongs to, and how (if at all) it can be ended. It never prints, stores or returns the secret:
 * the runner scrubs every string a module returns anyway, as a second line of defence.
 */
import type { ProviderHttp } from './http.js';

export type VerifyStatus = 'live' | 'dead' | 'unknown';

export interface VerifyResult {
  status: VerifyStatus;
  /**
   * Who the credential belongs to, as the provider reports it (login, account, ARN, scopes,
   * expiry). Values are shown to the user and written to the audit log; never the secret.
   */
  identity?: Record<string, string>;
  /** Why the verdict is what it is; required for `unknown`. */
  reason?: string;
  /**
   * Set when the provider cannot be checked without a side effect (a refresh grant that rotates the
   * token, an upload): the status is `unknown` and sprawlguard will not try.
   */
  unverifiable?: boolean;
}

/**
 * Values found near a secret that its provider needs besides the secret itself (an AWS key id needs
 * its secret key; a Shopify token needs its shop). See companions.ts for how they are found.
 */
export interface Companions {
  /** AWS: the 40-character secret access key paired with an access key id. */
  awsSecretAccessKey?: string;
  /** AWS: the access key id a secret access key belongs to. */
  awsAccessKeyId?: string;
  /** AWS: the session token that goes with an `ASIA` key id. */
  awsSessionToken?: string;
  /** Twilio: the `AC…` account SID (the username for an auth token; the account of an API key). */
  twilioAccountSid?: string;
  /** Twilio: the `SK…` API key SID (the username for an API key secret). */
  twilioKeySid?: string;
  /** Google: the service account's `client_email` from the key file the private key sits in. */
  googleClientEmail?: string;
  /** Google: the `private_key_id` from the same key file. */
  googlePrivateKeyId?: string;
  /** Shopify: `<shop>.myshopify.com`. */
  shopifyDomain?: string;
  /** Atlassian Cloud: the account email used with the API token. */
  atlassianEmail?: string;
  /** Atlassian Cloud: `<site>.atlassian.net`. */
  atlassianSite?: string;
  /** Datadog: the API host of the account's site (`api.datadoghq.eu`, …). */
  datadogSite?: string;
  /** Docker Hub: the username that owns a personal access token. */
  dockerUsername?: string;
}

export type CompanionKind = keyof Companions;

/** Companion kinds that are secrets themselves and must be scrubbed like the main secret. */
export const SECRET_COMPANIONS: readonly CompanionKind[] = ['awsSecretAccessKey', 'awsSessionToken'];

/** One credential to check: the raw secret, the rule that found it, and what was found next to it. */
export interface Credential {
  secret: string;
  ruleId: string;
  companions: Companions;
}

export interface ProviderContext {
  http: ProviderHttp;
  /** The run's clock (AWS signatures need the time). */
  now: () => Date;
  /**
   * How long to pause before asking again when a provider needs a moment (AWS answers spurious
   * signature errors to quick repeats; revocations take a moment to reach every server).
   */
  settleMs: number;
}

/** Options for revocation that the user gives explicitly on the command line. */
export interface RevokeOptions {
  /** Operator credentials for AWS IAM (read from `--aws-profile`). */
  awsOperator?: AwsCredentials;
  /** `--aws-delete`: delete AWS keys instead of deactivating them (irreversible). */
  awsDelete?: boolean;
  /** `--shopify-uninstall`: revoking a Shopify token uninstalls its app from the store. */
  shopifyUninstall?: boolean;
  /** `--twilio-rotate`: rotate a Twilio auth token (creates a secondary token and promotes it). */
  twilioRotate?: boolean;
}

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Where they came from, for messages (`profile ops in ~/.aws/credentials`). */
  source: string;
}

/**
 * What revoking one credential would do. `api`: the module can do it (`description` says how);
 * `manual`: the owner has to do it (`steps` and `url` say how); `blocked`: an API exists but needs
 * something the user did not give (a destructive-action flag, operator credentials).
 */
export type RevokePlan =
  | { kind: 'api'; description: string }
  | { kind: 'manual'; description: string; steps: string; url: string }
  | { kind: 'blocked'; description: string; steps: string; url: string };

export interface RevokeItem {
  credential: Credential;
  /** The verification of this same run (always `live` when the runner calls revoke). */
  verified: VerifyResult;
}

export interface RevokeAttempt {
  /** True when the provider accepted the revoke call. Revocation is confirmed by re-verifying. */
  ok: boolean;
  detail: string;
}

export interface ProviderModule {
  /** The id rules name in `verify:` (and the suffix of `SPRAWLGUARD_API_BASE_<ID>`). */
  readonly id: string;
  /** Human name for messages and the README table. */
  readonly name: string;
  /** Companion values this provider may need; the runner looks them up near the secret. */
  readonly companions?: readonly CompanionKind[];
  verify(credential: Credential, context: ProviderContext): Promise<VerifyResult>;
  /** How this credential would be revoked; pure (no network). */
  planRevoke(item: RevokeItem, options: RevokeOptions): RevokePlan;
  /**
   * Revoke every item whose plan is `api`. Returns one attempt per item, in order. Batch-shaped so a
   * provider with a batch API (GitHub) can use it; a failure on one item must not stop the others.
   */
  revoke?(items: readonly RevokeItem[], context: ProviderContext, options: RevokeOptions): Promise<RevokeAttempt[]>;
}

export const live = (identity?: Record<string, string>, reason?: string): VerifyResult => ({
  status: 'live',
  ...(identity && Object.keys(identity).length > 0 ? { identity } : {}),
  ...(reason ? { reason } : {}),
});
export const dead = (reason: string): VerifyResult => ({ status: 'dead', reason });
export const unknown = (reason: string): VerifyResult => ({ status: 'unknown', reason });
export const unverifiable = (reason: string): VerifyResult => ({ status: 'unknown', reason, unverifiable: true });

/** A manual plan: the owner ends the credential in the provider's console. */
export function manual(steps: string, url: string, description = 'no API can revoke it with the leaked secret alone'): RevokePlan {
  return { kind: 'manual', description, steps, url };
}
