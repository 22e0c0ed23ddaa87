/**
 * Companion lookup: the other half of an AWS pair, SIDs, shops, sites, emails and usernames found
 * next to a secret, the nearest one winning, nothing taken from too far away.
 */
import { describe, expect, it } from 'vitest';
import { COMPANION_LINES, findCompanions, type SiblingSecret } from '../../src/verify/companions.js';
import { body, join } from './helpers.js';

const KEY_A = join('AKIA', 'QX7NRT2BVW3LKZ4M');
const KEY_B = join('AKIA', 'ZP6HDT5CXW2RMQ7N');
const SECRET_A = join(body(501, 20), '/', body(502, 17), '+Q');
const SECRET_B = join(body(503, 20), '+', body(504, 17), '/R');

const text = (lines: string[], firstLine = 1): { text: string; firstLine: number } => ({ text: `${lines.join('\n')}\n`, firstLine });

describe('AWS pairs', () => {
  const file = ['[default]', `aws_access_key_id = ${KEY_A}`, `aws_secret_access_key = ${SECRET_A}`, '', '[prod]', `aws_access_key_id = ${KEY_B}`, `aws_secret_access_key = ${SECRET_B}`];

  it('pairs each key id with the nearest secret key found by the secret-key rule', () => {
    const siblings: SiblingSecret[] = [
      { ruleId: 'aws-access-key-id', secret: KEY_A, line: 2 },
      { ruleId: 'aws-secret-access-key', secret: SECRET_A, line: 3 },
      { ruleId: 'aws-access-key-id', secret: KEY_B, line: 6 },
      { ruleId: 'aws-secret-access-key', secret: SECRET_B, line: 7 },
    ];
    expect(findCompanions(['awsSecretAccessKey'], { line: 2, endLine: 2, siblings }, KEY_A)).toEqual({ awsSecretAccessKey: SECRET_A });
    expect(findCompanions(['awsSecretAccessKey'], { line: 6, endLine: 6, siblings }, KEY_B)).toEqual({ awsSecretAccessKey: SECRET_B });
    expect(findCompanions(['awsAccessKeyId'], { line: 7, endLine: 7, siblings }, SECRET_B)).toEqual({ awsAccessKeyId: KEY_B });
  });

  it('falls back to the text when no rule reported the other half', () => {
    expect(findCompanions(['awsSecretAccessKey'], { line: 6, endLine: 6, siblings: [], text: text(file) }, KEY_B)).toEqual({ awsSecretAccessKey: SECRET_B });
    const csv = text(['User name,Access key ID,Secret access key', `ci,${KEY_A},${SECRET_A}`]);
    expect(findCompanions(['awsSecretAccessKey'], { line: 2, endLine: 2, siblings: [], text: csv }, KEY_A)).toEqual({ awsSecretAccessKey: SECRET_A });
  });

  it('ignores siblings from unrelated rules and 40-character hex (git SHAs)', () => {
    const sha = body(505, 40, 'hex');
    const siblings: SiblingSecret[] = [{ ruleId: 'generic-password', secret: SECRET_A, line: 3 }];
    const lines = text([`aws_access_key_id = ${KEY_A}`, `aws_secret_access_key = ${sha}`]);
    expect(findCompanions(['awsSecretAccessKey'], { line: 1, endLine: 1, siblings, text: lines }, KEY_A)).toEqual({});
  });

  it(`looks no further than ${COMPANION_LINES} lines away`, () => {
    const far = text([`aws_access_key_id = ${KEY_A}`, ...Array<string>(COMPANION_LINES).fill('#'), `aws_secret_access_key = ${SECRET_A}`]);
    expect(findCompanions(['awsSecretAccessKey'], { line: 1, endLine: 1, siblings: [], text: far }, KEY_A)).toEqual({});
    const near = text([`aws_access_key_id = ${KEY_A}`, ...Array<string>(COMPANION_LINES - 1).fill('#'), `aws_secret_access_key = ${SECRET_A}`]);
    expect(findCompanions(['awsSecretAccessKey'], { line: 1, endLine: 1, siblings: [], text: near }, KEY_A)).toEqual({ awsSecretAccessKey: SECRET_A });
  });

  it('counts lines from where the text starts', () => {
    const window = text(['# header', `aws_secret_access_key = ${SECRET_A}`], 100);
    expect(findCompanions(['awsSecretAccessKey'], { line: 99, endLine: 99, siblings: [], text: window }, KEY_A)).toEqual({ awsSecretAccessKey: SECRET_A });
    expect(findCompanions(['awsSecretAccessKey'], { line: 50, endLine: 50, siblings: [], text: window }, KEY_A)).toEqual({});
  });
});

describe('values no rule reports', () => {
  it('finds Twilio SIDs, a Shopify shop, an Atlassian site and email, a Datadog site and a Docker Hub username', () => {
    const ac = join('AC', body(510, 32, 'hex'));
    const sk = join('SK', body(511, 32, 'hex'));
    const lines = text([
      `TWILIO_ACCOUNT_SID=${ac}`,
      `TWILIO_API_KEY=${sk}`,
      'SHOPIFY_SHOP=Synth-Store.myshopify.com',
      'JIRA_URL=https://synth.atlassian.net/browse/OPS-1',
      'JIRA_USER=dev.ops@synth.test',
      'DD_SITE=datadoghq.eu',
      'DOCKERHUB_USERNAME: synthci',
      'SECRET=here',
    ]);
    const found = findCompanions(
      ['twilioAccountSid', 'twilioKeySid', 'shopifyDomain', 'atlassianSite', 'atlassianEmail', 'datadogSite', 'dockerUsername'],
      { line: 8, endLine: 8, siblings: [], text: lines },
    );
    expect(found).toEqual({
      twilioAccountSid: ac,
      twilioKeySid: sk,
      shopifyDomain: 'synth-store.myshopify.com',
      atlassianSite: 'synth.atlassian.net',
      atlassianEmail: 'dev.ops@synth.test',
      datadogSite: 'api.datadoghq.eu',
      dockerUsername: 'synthci',
    });
  });

  it('reads the service account email and key id around a private key in a key file', () => {
    const keyId = body(512, 40, 'hex');
    const lines = text([
      '{',
      '  "type": "service_account",',
      `  "private_key_id": "${keyId}",`,
      '  "private_key": "-----BEGIN PRIVATE KEY-----\\n…\\n-----END PRIVATE KEY-----\\n",',
      '  "client_email": "ci@synth-project.iam.gserviceaccount.com",',
      '}',
    ]);
    expect(findCompanions(['googleClientEmail', 'googlePrivateKeyId'], { line: 4, endLine: 4, siblings: [], text: lines })).toEqual({
      googleClientEmail: 'ci@synth-project.iam.gserviceaccount.com',
      googlePrivateKeyId: keyId,
    });
  });

  it('takes the nearest candidate, and the later one on a tie', () => {
    const lines = text(['shop-a.myshopify.com', 'TOKEN', 'shop-b.myshopify.com', '', '', 'shop-c.myshopify.com']);
    expect(findCompanions(['shopifyDomain'], { line: 2, endLine: 2, siblings: [] , text: lines })).toEqual({ shopifyDomain: 'shop-b.myshopify.com' });
  });

  it('rejects look-alikes: unknown Datadog hosts, shell variables as usernames', () => {
    const lines = text(['DD_SITE=datadoghq.evil.test', 'DOCKER_USERNAME=$DOCKER_USER', 'x']);
    expect(findCompanions(['datadogSite', 'dockerUsername'], { line: 3, endLine: 3, siblings: [], text: lines })).toEqual({});
  });
});
