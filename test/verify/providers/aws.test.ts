/**
 * AWS: STS GetCallerIdentity with our SigV4 against a fake STS that checks each signature, canary
 * accounts that must never be called, key pairs found through companions, and IAM deactivation with
 * operator credentials read from a credentials file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Encode } from '../../../src/engine/checksums.js';
import { decodeAwsAccountId } from '../../../src/engine/refine/aws-key-id.js';
import { aws, CANARY_ACCOUNTS, userNameFromArn } from '../../../src/verify/providers/aws.js';
import { AwsProfileError, loadAwsProfile } from '../../../src/verify/aws-profile.js';
import { signV4 } from '../../../src/verify/sigv4.js';
import type { AwsCredentials, Credential, RevokeItem } from '../../../src/verify/provider-module.js';
import { makeTempDir } from '../../support/temp.js';
import { json, startFakeServer, type FakeServer, type RecordedRequest, type Reply } from '../fake-server.js';
import { body, contextFor, join } from '../helpers.js';

/** A key id whose body encodes `account` (docs/credential-formats.md#checksums-and-structural-checks), with seeded filler bits. */
function keyIdFor(prefix: 'AKIA' | 'ASIA', account: string, seed: number): string {
  const z = BigInt(account) * 128n + BigInt(seed % 128);
  const bytes = new Uint8Array(10);
  for (let i = 0; i < 6; i++) bytes[i] = Number((z >> BigInt(8 * (5 - i))) & 0xffn);
  for (let i = 6; i < 10; i++) bytes[i] = (seed * 37 + i * 11) & 0xff;
  return join(prefix, base32Encode(bytes));
}

const ACCOUNT = '418273645091';
const KEY_ID = keyIdFor('AKIA', ACCOUNT, 7);
const SECRET_KEY = join(body(201, 20), '/', body(202, 17), '+A');
const SESSION_TOKEN = join('IQoJb3JpZ2luX2Vj', body(203, 180));
const OPERATOR: AwsCredentials = { accessKeyId: keyIdFor('AKIA', ACCOUNT, 9), secretAccessKey: join(body(204, 39), 'Z'), source: 'profile ops in a test file' };
const ARN = `arn:aws:iam::${ACCOUNT}:user/deploy/ci-deployer`;

/** Key id → the secret that signs for it; a request signed with anything else is refused like AWS does. */
const KNOWN: Record<string, string> = { [KEY_ID]: SECRET_KEY, [OPERATOR.accessKeyId]: OPERATOR.secretAccessKey };

function signatureCheck(req: RecordedRequest, service: string): Reply | undefined {
  const auth = String(req.headers.authorization ?? '');
  const match = /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]{20})\/([0-9]{8})\/us-east-1\/([a-z]+)\/aws4_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match || match[3] !== service) return json(400, { Error: { Code: 'IncompleteSignature' } });
  const keyId = match[1] as string;
  const secret = KNOWN[keyId];
  if (secret === undefined) return json(403, { Error: { Code: 'InvalidClientTokenId', Message: 'The security token included in the request is invalid.' } });
  const signedNames = (match[4] as string).split(';').filter((n) => n !== 'host' && n !== 'x-amz-date' && n !== 'x-amz-security-token');
  const expected = signV4({
    method: req.method,
    url: new URL(`http://${String(req.headers.host)}${req.path}`),
    headers: Object.fromEntries(signedNames.map((n) => [n, String(req.headers[n])])),
    body: req.body,
    region: 'us-east-1',
    service,
    accessKeyId: keyId,
    secretAccessKey: secret,
    sessionToken: req.headers['x-amz-security-token'] as string | undefined,
    amzDate: String(req.headers['x-amz-date']),
  });
  if (expected.signature !== match[5]) return json(403, { Error: { Code: 'SignatureDoesNotMatch', Message: 'The request signature we calculated does not match' } });
  return undefined;
}

function fakeSts(req: RecordedRequest): Reply {
  if (req.path !== '/?Action=GetCallerIdentity&Version=2011-06-15') return json(404, {});
  const refused = signatureCheck(req, 'sts');
  if (refused) return refused;
  return json(200, { GetCallerIdentityResponse: { GetCallerIdentityResult: { Account: ACCOUNT, Arn: ARN, UserId: 'AIDASYNTHUSER0001' }, ResponseMetadata: { RequestId: 'r1' } } });
}

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer(fakeSts);
});
afterAll(async () => {
  await server.close();
});

function credential(secret: string, companions: Credential['companions'] = {}): Credential {
  return { secret, ruleId: 'aws-access-key-id', companions };
}

async function verify(c: Credential, handler = fakeSts): Promise<{ status: string; reason?: string; identity?: Record<string, string>; requests: RecordedRequest[] }> {
  server.requests.length = 0;
  server.handle(handler);
  const { context } = contextFor('aws', server);
  const result = await aws.verify(c, context);
  return { ...result, requests: [...server.requests] };
}

describe('AWS verification', () => {
  it('decodes the account from the key id the test builds', () => {
    expect(decodeAwsAccountId(KEY_ID)).toBe(ACCOUNT);
  });

  it('is live with the caller ARN when the pair signs correctly', async () => {
    const result = await verify(credential(KEY_ID, { awsSecretAccessKey: SECRET_KEY }));
    expect(result.status, result.reason).toBe('live');
    expect(result.identity).toMatchObject({ arn: ARN, account: ACCOUNT });
    expect(result.requests).toHaveLength(1);
    expect(result.requests[0]?.headers.accept).toBe('application/json');
    expect(JSON.stringify(result)).not.toContain(SECRET_KEY);
  });

  it('verifies a secret-key finding through the key id found next to it', async () => {
    const result = await verify({ secret: SECRET_KEY, ruleId: 'aws-secret-access-key', companions: { awsAccessKeyId: KEY_ID } });
    expect(result.status).toBe('live');
  });

  it('reads the XML form of the answer too', async () => {
    const result = await verify(credential(KEY_ID, { awsSecretAccessKey: SECRET_KEY }), () => ({
      status: 200,
      body: `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>${ARN}</Arn><UserId>AIDA1</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`,
    }));
    expect(result.identity).toMatchObject({ arn: ARN });
  });

  it('is dead for an unknown key id', async () => {
    const stranger = keyIdFor('AKIA', ACCOUNT, 77);
    const result = await verify(credential(stranger, { awsSecretAccessKey: SECRET_KEY }));
    expect(result).toMatchObject({ status: 'dead', reason: expect.stringContaining('InvalidClientTokenId') });
  });

  it('asks once more after a SignatureDoesNotMatch (a known STS quirk), then calls the pair dead', async () => {
    const wrong = join(body(205, 39), 'Q');
    const result = await verify(credential(KEY_ID, { awsSecretAccessKey: wrong }));
    expect(result).toMatchObject({ status: 'dead', reason: expect.stringContaining('SignatureDoesNotMatch') });
    expect(result.requests).toHaveLength(2);
    expect(JSON.stringify(result)).not.toContain(wrong);
  });

  it('is unknown on a provider error', async () => {
    const result = await verify(credential(KEY_ID, { awsSecretAccessKey: SECRET_KEY }), () => json(503, {}));
    expect(result.status).toBe('unknown');
  });

  it('never calls AWS for a canary-token account, and says so', async () => {
    const canaryAccount = [...CANARY_ACCOUNTS.keys()][0] as string;
    const canary = keyIdFor('AKIA', canaryAccount, 3);
    expect(decodeAwsAccountId(canary)).toBe(canaryAccount);
    const result = await verify(credential(canary, { awsSecretAccessKey: SECRET_KEY }));
    expect(result.status).toBe('unknown');
    expect(result.identity).toMatchObject({ account: canaryAccount, canary: 'Thinkst Canarytokens' });
    expect(result.reason).toContain('sets off its alarm');
    expect(result.requests).toEqual([]);
  });

  it('sends nothing without the secret half, or without the session token of a temporary key', async () => {
    expect((await verify(credential(KEY_ID))).requests).toEqual([]);
    const temporary = keyIdFor('ASIA', ACCOUNT, 5);
    const result = await verify(credential(temporary, { awsSecretAccessKey: SECRET_KEY }));
    expect(result).toMatchObject({ status: 'unknown', reason: expect.stringContaining('session token') });
    expect(result.requests).toEqual([]);
  });

  it('signs the session token of a temporary key', async () => {
    const temporary = keyIdFor('ASIA', ACCOUNT, 5);
    KNOWN[temporary] = SECRET_KEY;
    const result = await verify(credential(temporary, { awsSecretAccessKey: SECRET_KEY, awsSessionToken: SESSION_TOKEN }));
    expect(result.status).toBe('live');
    expect(result.requests[0]?.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
  });

  it('reads the IAM user name from a caller ARN', () => {
    expect(userNameFromArn(ARN)).toBe('ci-deployer');
    expect(userNameFromArn(`arn:aws:iam::${ACCOUNT}:root`)).toBeUndefined();
    expect(userNameFromArn(`arn:aws:sts::${ACCOUNT}:assumed-role/r/s`)).toBeUndefined();
  });
});

describe('AWS revocation', () => {
  const item: RevokeItem = { credential: credential(KEY_ID, { awsSecretAccessKey: SECRET_KEY }), verified: { status: 'live', identity: { arn: ARN, account: ACCOUNT } } };

  it('needs operator credentials; without them the plan is blocked with the console steps', () => {
    const plan = aws.planRevoke(item, {});
    expect(plan.kind).toBe('blocked');
    expect(plan.description).toContain('--aws-profile');
  });

  it('temporary keys get the "revoke active sessions" steps', () => {
    const temporary = { ...item, credential: credential(keyIdFor('ASIA', ACCOUNT, 5), { awsSecretAccessKey: SECRET_KEY }) };
    expect(aws.planRevoke(temporary, { awsOperator: OPERATOR })).toMatchObject({ kind: 'manual', steps: expect.stringContaining('Revoke active sessions') });
  });

  it('deactivates the key for its user, signed with the operator credentials', async () => {
    server.requests.length = 0;
    server.handle((req) => signatureCheck(req, 'iam') ?? { status: 200, body: '<UpdateAccessKeyResponse><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></UpdateAccessKeyResponse>' });
    const { context } = contextFor('aws', server);
    expect(aws.planRevoke(item, { awsOperator: OPERATOR })).toMatchObject({ kind: 'api', description: expect.stringContaining('Status=Inactive') });
    const [attempt] = await (aws.revoke as NonNullable<typeof aws.revoke>)([item], context, { awsOperator: OPERATOR });
    expect(attempt).toEqual({ ok: true, detail: 'IAM set the access key Inactive' });
    const sent = server.requests[0] as RecordedRequest;
    expect(sent.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
      Action: 'UpdateAccessKey',
      AccessKeyId: KEY_ID,
      Status: 'Inactive',
      Version: '2010-05-08',
      UserName: 'ci-deployer',
    });
    expect(String(sent.headers.authorization)).toContain(`Credential=${OPERATOR.accessKeyId}/`);
  });

  it('deletes only with --aws-delete, and reports IAM’s refusal with its code', async () => {
    server.handle((req) => signatureCheck(req, 'iam') ?? json(403, { Error: { Code: 'AccessDenied', Message: 'not allowed' } }));
    const { context } = contextFor('aws', server);
    server.requests.length = 0;
    const [attempt] = await (aws.revoke as NonNullable<typeof aws.revoke>)([item], context, { awsOperator: OPERATOR, awsDelete: true });
    expect(new URLSearchParams(server.requests[0]?.body).get('Action')).toBe('DeleteAccessKey');
    expect(attempt).toEqual({ ok: false, detail: 'IAM refused: AccessDenied' });
  });
});

describe('operator credentials from a profile', () => {
  it('reads static keys from the shared credentials file', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'credentials');
    writeFileSync(file, `[default]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = x\n\n[ops]\naws_access_key_id = ${OPERATOR.accessKeyId}\naws_secret_access_key = ${OPERATOR.secretAccessKey}\n`);
    const creds = await loadAwsProfile('ops', { AWS_SHARED_CREDENTIALS_FILE: file, AWS_CONFIG_FILE: path.join(dir, 'none') });
    expect(creds).toMatchObject({ accessKeyId: OPERATOR.accessKeyId, secretAccessKey: OPERATOR.secretAccessKey });
    expect(creds.source).toContain('profile ops');
  });

  it('explains SSO profiles and missing profiles', async () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, 'config'), '[profile sso]\nsso_session = corp\nsso_account_id = 1\n');
    const env = { AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), AWS_CONFIG_FILE: path.join(dir, 'config') };
    await expect(loadAwsProfile('sso', env)).rejects.toThrow(/static keys only/);
    await expect(loadAwsProfile('nope', env)).rejects.toBeInstanceOf(AwsProfileError);
  });
});
