/**
 * AWS access keys (docs/credential-formats.md#aws).
 *
 * Verify: STS GetCallerIdentity, signed with our own SigV4 (sigv4.ts). It needs no IAM permission
 * and no policy can deny it. A key id and its secret key are two findings; each finds the other half
 * nearby (companions.ts). Before any call the account id is decoded from the key id, and keys of
 * known canary-token accounts are never sent: calling STS with them is exactly what sets off the
 * alarm their owner planted.
 *
 * Revoke: IAM UpdateAccessKey Status=Inactive (reversible), signed with operator credentials the user
 * names with `--aws-profile`; DeleteAccessKey only with `--aws-delete`. Temporary (ASIA) keys cannot
 * be revoked one by one.
 */
import { decodeAwsAccountId } from '../../engine/refine/aws-key-id.js';
import { identityOf, isRecord, pick, text, type HttpResponse } from '../http.js';
import { eachItem, revokeCall } from '../probe.js';
import { amzDate, signV4 } from '../sigv4.js';
import {
  dead,
  live,
  manual,
  unknown,
  type Credential,
  type ProviderContext,
  type ProviderModule,
  type RevokeAttempt,
  type RevokeItem,
  type RevokeOptions,
  type RevokePlan,
  type VerifyResult,
} from '../provider-module.js';

const STS = 'https://sts.amazonaws.com';
const IAM = 'https://iam.amazonaws.com';

/**
 * Accounts that issue Thinkst Canarytokens AWS keys. Source: Truffle Security's canary research
 * (https://trufflesecurity.com/canaries), the same list TruffleHog's AWS detector ships. A key from
 * one of these accounts is a tripwire: report it, never call AWS with it.
 */
export const CANARY_ACCOUNTS: ReadonlyMap<string, string> = new Map(
  ['052310077262', '171436882533', '534261010715', '595918472158', '717712589309', '819147034852', '992382622183', '730335385048', '266735846894'].map(
    (account) => [account, 'Thinkst Canarytokens'],
  ),
);

const KEY_ID = /^(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}$|^A3T[A-Z0-9][A-Z2-7]{16}$/;
const SECRET_KEY = /^[A-Za-z0-9/+]{40}$/;

interface KeyPair {
  keyId: string;
  secretKey?: string;
  sessionToken?: string;
}

/** Which half of a pair the finding is, and the other half from its companions. */
function pairOf(credential: Credential): KeyPair | string {
  const { secret, companions } = credential;
  if (KEY_ID.test(secret)) return { keyId: secret, secretKey: companions.awsSecretAccessKey, sessionToken: companions.awsSessionToken };
  if (SECRET_KEY.test(secret)) {
    if (!companions.awsAccessKeyId) return 'the access key id this secret key belongs to was not found near it';
    return { keyId: companions.awsAccessKeyId, secretKey: secret, sessionToken: companions.awsSessionToken };
  }
  return 'this kind of AWS credential has no read-only check (only access key pairs are verified)';
}

function errorCode(response: HttpResponse): string | undefined {
  return text(response.json, 'Error', 'Code') ?? /<Code>([A-Za-z.]{1,64})<\/Code>/.exec(response.body)?.[1];
}

function callerIdentity(response: HttpResponse): Record<string, string> | undefined {
  const result = pick(response.json, 'GetCallerIdentityResponse', 'GetCallerIdentityResult');
  if (isRecord(result)) {
    const arn = text(result, 'Arn');
    if (arn) return identityOf({ arn, account: text(result, 'Account'), userId: text(result, 'UserId') });
  }
  const xml = (tag: string): string | undefined => new RegExp(`<${tag}>([^<]{1,512})</${tag}>`).exec(response.body)?.[1];
  const arn = xml('Arn');
  return arn ? identityOf({ arn, account: xml('Account'), userId: xml('UserId') }) : undefined;
}

async function getCallerIdentity(pair: Required<Pick<KeyPair, 'keyId' | 'secretKey'>> & KeyPair, context: ProviderContext): Promise<VerifyResult> {
  const url = new URL(context.http.url(STS, '/?Action=GetCallerIdentity&Version=2011-06-15'));
  // A known STS quirk: a quick repeat with the same key id can give a spurious
  // SignatureDoesNotMatch, so that answer is asked again once after a pause.
  for (let attempt = 1; ; attempt++) {
    const signed = signV4({
      method: 'GET',
      url,
      headers: { accept: 'application/json' },
      region: 'us-east-1',
      service: 'sts',
      accessKeyId: pair.keyId,
      secretAccessKey: pair.secretKey,
      sessionToken: pair.sessionToken,
      amzDate: amzDate(context.now()),
    });
    const result = await context.http.request({ method: 'GET', url: url.href, headers: signed.headers });
    if (!result.ok) return unknown(result.reason);
    const response = result.response;
    if (response.status === 200) {
      const identity = callerIdentity(response);
      return identity ? live(identity) : unknown('malformed GetCallerIdentity answer');
    }
    if (response.status === 403 || response.status === 400) {
      const code = errorCode(response);
      if (code === 'SignatureDoesNotMatch' && attempt === 1) {
        await new Promise((resolve) => setTimeout(resolve, context.settleMs));
        continue;
      }
      if (code === 'InvalidClientTokenId') return dead('AWS: InvalidClientTokenId (the key id is not active)');
      if (code === 'ExpiredToken') return dead('AWS: ExpiredToken');
      if (code === 'SignatureDoesNotMatch') return dead('AWS: SignatureDoesNotMatch (the secret key found next to the key id does not belong to it)');
      if (code === 'AccessDenied' || code === 'InvalidAccessKeyId') return dead(`AWS: ${code}`);
      return unknown(`AWS answered HTTP ${response.status}${code ? ` ${code}` : ''}`);
    }
    return unknown(`AWS answered HTTP ${response.status}`);
  }
}

async function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  const pair = pairOf(credential);
  if (typeof pair === 'string') return unknown(pair);
  const account = decodeAwsAccountId(pair.keyId);
  const canary = account !== undefined ? CANARY_ACCOUNTS.get(account) : undefined;
  if (account !== undefined && canary !== undefined) {
    return {
      status: 'unknown',
      identity: { account, canary },
      reason: `a ${canary} canary key (account ${account}): not checked, because calling AWS with it sets off its alarm`,
    };
  }
  if (!pair.keyId.startsWith('AKIA') && !pair.keyId.startsWith('ASIA')) {
    return unknown(`${pair.keyId.slice(0, 4)} keys are not verified (only AKIA and ASIA key pairs)`);
  }
  if (!pair.secretKey) return unknown('the secret access key for this key id was not found near it');
  if (pair.keyId.startsWith('ASIA') && !pair.sessionToken) return unknown('a temporary key needs its session token, which was not found near it');
  const verdict = await getCallerIdentity({ ...pair, secretKey: pair.secretKey }, context);
  if (verdict.status === 'live' && account !== undefined && verdict.identity && !verdict.identity.account) {
    return { ...verdict, identity: { ...verdict.identity, account } };
  }
  return verdict;
}

/** The IAM user name from a GetCallerIdentity ARN (`arn:aws:iam::<acct>:user/<path>/<name>`). */
export function userNameFromArn(arn: string | undefined): string | undefined {
  const match = /^arn:aws[a-z-]*:iam::[0-9]{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn ?? '');
  return match?.[1];
}

function planRevoke(item: RevokeItem, options: RevokeOptions): RevokePlan {
  const pair = pairOf(item.credential);
  const steps =
    'In the IAM console open the user (IAM → Users → the user → Security credentials), make the access key Inactive, check CloudTrail for its use, then delete it.';
  const url = 'https://console.aws.amazon.com/iam/home#/users';
  if (typeof pair === 'string') return manual(steps, url);
  if (pair.keyId.startsWith('ASIA')) {
    return manual(
      'Temporary keys cannot be revoked one by one: on the role that issued them choose “Revoke active sessions” (IAM → Roles → the role → Revoke sessions), which denies tokens issued before now.',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
      'AWS cannot revoke a single temporary key',
    );
  }
  const user = userNameFromArn(item.verified.identity?.arn);
  if (item.verified.identity?.arn?.endsWith(':root')) {
    return manual('Sign in as the account root user and delete the key under Security credentials → Access keys.', 'https://console.aws.amazon.com/iam/home#/security_credentials', 'root user keys can only be managed by the root user');
  }
  if (!options.awsOperator) {
    return {
      kind: 'blocked',
      description: 'IAM UpdateAccessKey needs operator credentials: pass --aws-profile <profile> (an identity allowed iam:UpdateAccessKey in this account)',
      steps,
      url,
    };
  }
  const action = options.awsDelete ? 'IAM DeleteAccessKey (irreversible)' : 'IAM UpdateAccessKey Status=Inactive (reversible)';
  return {
    kind: 'api',
    description: `${action}${user ? ` for user ${user}` : ''}${item.verified.identity?.account ? ` in account ${item.verified.identity.account}` : ''}, signed with the operator credentials of ${options.awsOperator.source}`,
  };
}

async function revoke(items: readonly RevokeItem[], context: ProviderContext, options: RevokeOptions): Promise<RevokeAttempt[]> {
  const operator = options.awsOperator;
  return eachItem(items, async (item) => {
    const pair = pairOf(item.credential);
    if (!operator || typeof pair === 'string') return { ok: false, detail: 'no operator credentials (--aws-profile)' };
    const params = new URLSearchParams({
      Action: options.awsDelete ? 'DeleteAccessKey' : 'UpdateAccessKey',
      AccessKeyId: pair.keyId,
      ...(options.awsDelete ? {} : { Status: 'Inactive' }),
      Version: '2010-05-08',
    });
    const user = userNameFromArn(item.verified.identity?.arn);
    if (user) params.set('UserName', user);
    const body = params.toString();
    const url = new URL(context.http.url(IAM, '/'));
    const signed = signV4({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
      region: 'us-east-1',
      service: 'iam',
      accessKeyId: operator.accessKeyId,
      secretAccessKey: operator.secretAccessKey,
      sessionToken: operator.sessionToken,
      amzDate: amzDate(context.now()),
    });
    return revokeCall(context, { method: 'POST', url: url.href, headers: signed.headers, body }, (response) => {
      if (response.status === 200) {
        return { ok: true, detail: options.awsDelete ? 'IAM deleted the access key' : 'IAM set the access key Inactive' };
      }
      const code = errorCode(response) ?? `HTTP ${response.status}`;
      const operatorAccount = decodeAwsAccountId(operator.accessKeyId);
      const keyAccount = decodeAwsAccountId(pair.keyId);
      const hint =
        code === 'AccessDenied' && operatorAccount && keyAccount && operatorAccount !== keyAccount
          ? ` (the operator credentials belong to account ${operatorAccount}, the key to ${keyAccount})`
          : '';
      return { ok: false, detail: `IAM refused: ${code}${hint}` };
    });
  });
}

export const aws: ProviderModule = {
  id: 'aws',
  name: 'AWS',
  companions: ['awsSecretAccessKey', 'awsAccessKeyId', 'awsSessionToken'],
  verify,
  planRevoke,
  revoke,
};
