/**
 * The catalogue of provider credential formats the corpus plants: one entry per format, written
 * from the credential formats (docs/credential-formats.md) and the formats the rule files
 * document. Each entry names the rule expected to report it, the variable names it is usually
 * assigned to, and a generator for format-valid values (checksums computed where the format has one).
 *
 * `context: true` marks formats without a distinctive prefix: they are only recognisable next to a
 * name that says what they are, so the corpus always keeps that name on the secret's line (or, in a
 * nested config section, on a parent line, where only a generic rule can see it).
 *
 * Literal prefixes are kept short and apart from bodies: this file holds no credential-shaped text.
 */
import type { Random } from '../lib/random.js';
import {
  A,
  atlassian,
  b64bytes,
  b64of,
  cat,
  crc62,
  epoch,
  type Gen,
  githubFineGrained,
  gitlabRoutable,
  jwt,
  oneOf,
  run,
  uuid,
} from './gen.js';

/** Where a plant can be written. */
export type Placement =
  | 'assign' // NAME = value in the file's syntax
  | 'line'; // a whole line (a command, a header, code) built by `line`

export interface CredentialKind {
  /** The rule expected to report it. */
  rule: string;
  /** Other rules that name it correctly (a more specific or an equally right rule). */
  also?: readonly string[];
  /** UPPER_SNAKE names it is assigned to; renderers adapt the style. */
  names: readonly string[];
  make: Gen;
  /** No distinctive prefix: the name must stay next to the value. */
  context?: boolean;
  /** Relative frequency (default 1). */
  weight?: number;
  /** A whole line instead of an assignment; `files` says which file kinds take it. */
  line?: (value: string, rng: Random) => string;
  lineFiles?: readonly LineHost[];
  /** Multi-line value (PEM blocks): rendered only where a file can hold several lines. */
  multiline?: boolean;
}

/** File kinds that take whole command or code lines. */
export type LineHost = 'shell' | 'markdown' | 'workflow' | 'dockerfile' | 'py' | 'js' | 'ts' | 'rb' | 'php' | 'go' | 'java' | 'cs' | 'hcl' | 'json' | 'ini' | 'xml' | 'sql' | 'ps1' | 'ipynb';

const SHELLISH: readonly LineHost[] = ['shell', 'markdown', 'workflow', 'dockerfile'];

const host = (rng: Random): string =>
  `${rng.pick(['api', 'svc', 'ops', 'deploy', 'data', 'pay', 'core'])}${rng.int(1, 9)}.${rng.pick(['corp-int', 'prod', 'eu1', 'us2'])}.${rng.pick(['acmecorp.io', 'northwind.dev', 'globex.net', 'initech.cloud'])}`;
const word = (rng: Random): string => rng.pick(['orders', 'billing', 'ledger', 'search', 'catalog', 'payments', 'reports', 'identity', 'shipping']);

/** A value in the body of a token: random base62 with a length drawn from a range. */
const b62 = (n: number | readonly [number, number]): Gen => run(n, A.b62);
const hex = (n: number): Gen => run(n, A.hex);
const b64u = (n: number | readonly [number, number]): Gen => run(n, A.b64u);
const b64 = (n: number | readonly [number, number]): Gen => run(n, A.b64);

/** 88-character Azure keys: 64 random bytes in base64, optionally with an identifiable signature. */
const azureKey88: Gen = b64bytes(64);
function azureIdentifiable(signature: string, bytesBefore: number, tail: number): Gen {
  return cat(b64(bytesBefore), signature, b64(tail), oneOf('A', 'Q', 'g', 'w'), '==');
}

const pemBody = (lead: string, length: number): Gen => cat(lead, b64(length - lead.length));

/** PEM armour around a base64 body, 64 characters a line. */
function pem(label: string, body: Gen, headers: readonly string[] = []): Gen {
  return (rng) => {
    const text = body(rng);
    const lines: string[] = [];
    for (let i = 0; i < text.length; i += 64) lines.push(text.slice(i, i + 64));
    const begin = `-----BEGIN ${label}-----`;
    const end = `-----END ${label}-----`;
    return [begin, ...headers, ...(headers.length > 0 ? [''] : []), ...lines, end].join('\n');
  };
}

const PRIVATE = ['PRIVATE', 'KEY'].join(' ');

export const rsaKey = pem(`RSA ${PRIVATE}`, (rng) => pemBody('MIIEpAIBAAKCAQEA', rng.pick([1588, 1592, 1596]))(rng) + '==');
export const ecKey = pem(`EC ${PRIVATE}`, pemBody('MHcCAQEEI', 160));
const dsaKey = pem(`DSA ${PRIVATE}`, pemBody('MIIBuwIBAAKBgQ', 596));
export const pkcs8Key = pem(PRIVATE, (rng) => pemBody('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 1620)(rng) + '=');
const encryptedPkcs8 = pem(`ENCRYPTED ${PRIVATE}`, pemBody('MIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQI', 1700));
const opensshKey = pem(`OPENSSH ${PRIVATE}`, cat('b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', b64(330), '='));
const pgpKey: Gen = (rng) => {
  const body = b64(rng.int(900, 1400))(rng);
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  const label = 'PGP PRIVATE KEY BLOCK';
  return [`-----BEGIN ${label}-----`, '', 'lQVYBG' + b64(58)(rng), ...lines, `=${b64(4)(rng)}`, `-----END ${label}-----`].join('\n');
};
const puttyKey: Gen = (rng) => {
  const lines = (n: number): string[] => Array.from({ length: n }, () => b64(64)(rng));
  return [
    `PuTTY-User-Key-File-3: ssh-ed25519`,
    'Encryption: none',
    `Comment: ${rng.pick(['deploy', 'ci', 'ops'])}-key-${rng.int(2019, 2026)}${rng.int(10, 12)}${rng.int(10, 28)}`,
    'Public-Lines: 2',
    ...lines(2),
    'Private-Lines: 1',
    ...lines(1),
    `Private-MAC: ${hex(64)(rng)}`,
  ].join('\n');
};

const discordBotToken: Gen = (rng) => {
  const id = String(rng.int(1, 9)) + run(17, A.digits)(rng);
  return `${Buffer.from(id).toString('base64url')}.${b64u(6)(rng)}.${b64u(38)(rng)}`;
};

const macaroon = (location: string): Gen => (rng) => {
  const caveat = JSON.stringify({ version: 1, permissions: rng.chance(0.5) ? 'user' : { projects: [word(rng)] } });
  const parts = [
    Buffer.from([0x02, 0x01, location.length]),
    Buffer.from(location, 'latin1'),
    Buffer.from([0x02, 0x24]),
    Buffer.from(uuid(rng), 'latin1'),
    Buffer.from([0x00, 0x02, caveat.length]),
    Buffer.from(caveat, 'latin1'),
    Buffer.from([0x00, 0x00, 0x06, 0x20]),
    rng.bytes(32),
  ];
  return `pypi-${Buffer.concat(parts).toString('base64url')}`;
};

const alnumNoSymbols = (inner: Gen): Gen => (rng) => {
  for (;;) {
    const text = inner(rng);
    if (/^[A-Za-z0-9]+$/.test(text)) return text;
  }
};

const jsonB64 = (make: (rng: Random) => Record<string, unknown>, url = false): Gen => (rng) => Buffer.from(JSON.stringify(make(rng)), 'utf8').toString(url ? 'base64url' : 'base64');

const claimsService = (rng: Random): Record<string, unknown> => {
  const iat = epoch(rng, 2024, 2026);
  return { sub: `svc-${word(rng)}`, iss: `https://auth.${host(rng)}`, aud: word(rng), iat, exp: iat + rng.pick([3600, 86400, 31536000]) };
};

// ---------------------------------------------------------------------------------------------------

export const CREDENTIALS: readonly CredentialKind[] = [
  // AI
  { rule: 'openai-project-key', names: ['OPENAI_API_KEY', 'OPENAI_KEY'], make: cat('sk-proj-', b64u(74), 'T3BlbkFJ', b64u(74)) },
  { rule: 'openai-service-account-key', names: ['OPENAI_API_KEY'], make: cat('sk-svcacct-', b64u(74), 'T3BlbkFJ', b64u(74)) },
  { rule: 'openai-admin-key', names: ['OPENAI_ADMIN_KEY'], make: cat('sk-admin-', b64u(58), 'T3BlbkFJ', b64u(58)) },
  { rule: 'openai-legacy-key', names: ['OPENAI_API_KEY'], make: cat('sk-', b62(20), 'T3BlbkFJ', b62(20)) },
  { rule: 'anthropic-api-key', names: ['ANTHROPIC_API_KEY', 'CLAUDE_API_KEY'], make: cat('sk-ant-api03-', b64u(93), 'AA') },
  { rule: 'anthropic-admin-key', names: ['ANTHROPIC_ADMIN_KEY'], make: cat('sk-ant-admin01-', b64u(93), 'AA') },
  { rule: 'huggingface-access-token', names: ['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN'], make: cat('hf_', run(34, A.lower + A.upper)) },
  { rule: 'huggingface-org-token', names: ['HUGGINGFACEHUB_API_TOKEN'], make: cat('api_org_', run(34, A.lower + A.upper)) },
  { rule: 'cohere-api-key', names: ['COHERE_API_KEY', 'CO_API_KEY'], make: b62(40), context: true },
  { rule: 'mistral-api-key', names: ['MISTRAL_API_KEY'], make: b62(32), context: true },
  { rule: 'groq-api-key', names: ['GROQ_API_KEY'], make: cat('gsk_', b62(52)) },
  { rule: 'replicate-api-token', names: ['REPLICATE_API_TOKEN'], make: cat('r8_', b62(37)) },
  { rule: 'pinecone-api-key', names: ['PINECONE_API_KEY'], make: cat('pcsk_', b62(6), '_', b62(63)) },
  { rule: 'pinecone-legacy-api-key', names: ['PINECONE_API_KEY'], make: uuid, context: true },
  { rule: 'perplexity-api-key', names: ['PERPLEXITY_API_KEY', 'PPLX_API_KEY'], make: cat('pplx-', b62(48)) },
  { rule: 'xai-api-key', names: ['XAI_API_KEY', 'GROK_API_KEY'], make: cat('xai-', b62(80)) },
  { rule: 'openrouter-api-key', names: ['OPENROUTER_API_KEY'], make: cat('sk-or-v1-', hex(64)) },
  { rule: 'langsmith-personal-access-token', names: ['LANGSMITH_API_KEY', 'LANGCHAIN_API_KEY'], make: cat('lsv2_pt_', hex(32), '_', hex(10)) },
  { rule: 'langsmith-service-key', names: ['LANGSMITH_API_KEY'], make: cat('lsv2_sk_', hex(32), '_', hex(10)) },
  { rule: 'deepseek-api-key', names: ['DEEPSEEK_API_KEY'], make: cat('sk-', hex(32)), context: true },
  { rule: 'together-api-key', names: ['TOGETHER_API_KEY'], make: cat('tgp_v1_', b64u(43)) },
  { rule: 'together-legacy-api-key', names: ['TOGETHER_API_KEY', 'TOGETHERAI_API_KEY'], make: hex(64), context: true },
  { rule: 'fireworks-api-key', names: ['FIREWORKS_API_KEY'], make: cat('fw_', b62(24)), context: true },
  { rule: 'elevenlabs-api-key', names: ['ELEVENLABS_API_KEY', 'ELEVEN_API_KEY'], make: cat('sk_', hex(48)) },
  { rule: 'elevenlabs-legacy-api-key', names: ['ELEVENLABS_API_KEY', 'XI_API_KEY'], make: hex(32), context: true },
  { rule: 'assemblyai-api-key', names: ['ASSEMBLYAI_API_KEY'], make: hex(32), context: true },
  { rule: 'deepgram-api-key', names: ['DEEPGRAM_API_KEY'], make: hex(40), context: true },

  // AWS
  { rule: 'aws-access-key-id', names: ['AWS_ACCESS_KEY_ID', 'AWS_ACCESS_KEY'], make: cat('AKIA', run(1, 'ABCDEFGHKLMNOPQRSTUVWXYZ234567'), run(15, A.b32)), weight: 3 },
  { rule: 'aws-temporary-access-key-id', names: ['AWS_ACCESS_KEY_ID'], make: cat('ASIA', run(1, 'ABCDEFGHKLMNOPQRSTUVWXYZ234567'), run(15, A.b32)) },
  { rule: 'aws-secret-access-key', names: ['AWS_SECRET_ACCESS_KEY', 'AWS_SECRET_KEY', 'SECRET_ACCESS_KEY'], make: alnumOrSlash(40), context: true, weight: 3 },
  { rule: 'aws-session-token', names: ['AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'], make: cat('IQoJb3JpZ2luX2Vj', b64(rngLength(300, 700))), context: true },
  { rule: 'aws-bedrock-api-key', names: ['AWS_BEARER_TOKEN_BEDROCK'], make: cat('ABSK', b64of(cat('BedrockAPIKey-', b62(4), '-at-', run(12, A.digits), ':', b62(60)))) },
  { rule: 'aws-bedrock-short-term-api-key', names: ['AWS_BEARER_TOKEN_BEDROCK'], make: cat('bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t', b64(rngLength(400, 800)), '&Version=1') },
  { rule: 'amazon-mws-auth-token', names: ['MWS_AUTH_TOKEN'], make: cat('amzn.mws.', uuid) },
  { rule: 'aws-appsync-api-key', names: ['APPSYNC_API_KEY', 'aws_appsync_apiKey'], make: cat('da2-', run(26, A.b36)) },

  // Azure
  {
    rule: 'azure-storage-connection-string',
    names: ['AZURE_STORAGE_CONNECTION_STRING', 'STORAGE_CONNECTION'],
    make: (rng) => `DefaultEndpointsProtocol=https;AccountName=${word(rng)}${rng.int(10, 99)}logs;AccountKey=${azureKey88(rng)};EndpointSuffix=core.windows.net`,
    weight: 2,
  },
  { rule: 'azure-storage-account-key', names: ['AZURE_STORAGE_KEY', 'AZURE_STORAGE_ACCOUNT_KEY', 'STORAGE_ACCOUNT_KEY'], make: azureKey88, context: true },
  { rule: 'azure-storage-identifiable-key', names: ['STORAGE_KEY', 'KEY1'], make: azureIdentifiable('+ASt', 76, 5) },
  {
    rule: 'azure-cosmosdb-key',
    names: ['COSMOS_CONNECTION', 'COSMOSDB_CONNECTION_STRING'],
    make: (rng) => `AccountEndpoint=https://${word(rng)}-db.documents.azure.com:443/;AccountKey=${azureKey88(rng)};`,
  },
  { rule: 'azure-cosmosdb-identifiable-key', names: ['COSMOS_PRIMARY_KEY'], make: azureIdentifiable('ACDb', 76, 5) },
  {
    rule: 'azure-service-bus-connection-string',
    names: ['SERVICEBUS_CONNECTION', 'SERVICE_BUS_CONNECTION_STRING'],
    make: (rng) => `Endpoint=sb://${word(rng)}-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${b64bytes(32)(rng)}`,
  },
  {
    rule: 'azure-iot-hub-connection-string',
    names: ['IOTHUB_CONNECTION_STRING'],
    make: (rng) => `HostName=${word(rng)}-fleet.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${b64bytes(32)(rng)}`,
  },
  { rule: 'azure-messaging-identifiable-key', names: ['EVENTHUB_KEY', 'SERVICEBUS_PRIMARY_KEY'], make: cat(b64(33), oneOf('+ASb', '+AEh', '+ARm'), run(1, 'ABCDEFGHIJKLMNOP'), b64(5), '=') },
  {
    rule: 'azure-sas-token',
    names: ['EXPORT_URL', 'BLOB_SAS_URL'],
    make: (rng) =>
      `https://${word(rng)}${rng.int(10, 99)}.blob.core.windows.net/${word(rng)}/report.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=${rng.int(2026, 2029)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}T18:00:00Z&st=2025-11-01T00:00:00Z&spr=https&sig=${encodeURIComponent(b64bytes(32)(rng))}`,
  },
  {
    rule: 'azure-shared-access-signature-token',
    names: ['IOT_SAS_TOKEN'],
    make: (rng) => `SharedAccessSignature sr=${word(rng)}.azure-devices.net%2Fdevices%2Fpump-${rng.int(1000, 9999)}&sig=${encodeURIComponent(b64bytes(32)(rng))}&se=${epoch(rng)}`,
  },
  { rule: 'azure-entra-client-secret', names: ['AZURE_CLIENT_SECRET', 'AAD_CLIENT_SECRET'], make: cat(run(3, A.b62), '8Q~', run(34, A.b62 + '_~.-')), weight: 2 },
  { rule: 'azure-devops-personal-access-token', names: ['AZURE_DEVOPS_EXT_PAT', 'ADO_PAT'], make: cat(b62(76), 'AZDO', b62(4)) },
  { rule: 'azure-devops-legacy-personal-access-token', names: ['AZURE_DEVOPS_PAT', 'AZURE_DEVOPS_TOKEN'], make: run(52, A.b32lower), context: true },
  { rule: 'azure-container-registry-key', names: ['ACR_PASSWORD'], make: cat(b64(42), '+ACR', run(1, 'ABCD'), b64(5)) },
  { rule: 'azure-function-key', names: ['FUNCTION_KEY'], make: cat(b64u(44), 'AzFu', b64u(5), oneOf('A', 'Q', 'g', 'w'), '==') },
  {
    rule: 'azure-function-url-key',
    names: ['WEBHOOK_URL', 'INGEST_FUNCTION_URL'],
    make: (rng) => `https://${word(rng)}-hooks.azurewebsites.net/api/${rng.pick(['HttpIngest', 'orders', 'notify'])}?code=${b64u(54)(rng)}%3D%3D`,
  },
  { rule: 'azure-api-management-key', names: ['APIM_PRIMARY_KEY'], make: azureIdentifiable('APIM', 76, 5) },
  {
    rule: 'azure-api-management-subscription-key',
    names: ['APIM_SUBSCRIPTION_KEY'],
    make: hex(32),
    line: (v, rng) => `curl -H 'Ocp-Apim-Subscription-Key: ${v}' https://${word(rng)}-apis.azure-api.net/${word(rng)}`,
    lineFiles: SHELLISH,
  },
  { rule: 'azure-batch-identifiable-key', names: ['BATCH_ACCOUNT_KEY'], make: azureIdentifiable('+ABa', 76, 5) },
  {
    rule: 'azure-app-configuration-connection-string',
    names: ['APP_CONFIG_CONNECTION'],
    make: (rng) => `Endpoint=https://${word(rng)}-settings.azconfig.io;Id=${b64u(12)(rng)}:${b62(20)(rng)};Secret=${b64bytes(32)(rng)}`,
  },
  {
    rule: 'azure-signalr-access-key',
    names: ['AZURE_SIGNALR_CONNECTION_STRING'],
    make: (rng) => `Endpoint=https://${word(rng)}-live.service.signalr.net;AccessKey=${b64bytes(32)(rng)};Version=1.0;`,
  },
  {
    rule: 'azure-communication-services-key',
    names: ['ACS_CONNECTION_STRING'],
    make: (rng) => `endpoint=https://${word(rng)}-sms.unitedstates.communication.azure.com/;accesskey=${azureKey88(rng)}`,
  },
  {
    rule: 'azure-publish-profile-password',
    names: ['PUBLISH_PROFILE'],
    make: b62(60),
    line: (v, rng) => `  <publishProfile profileName="${word(rng)}-web - Web Deploy" publishMethod="MSDeploy" userName="$${word(rng)}-web" userPWD="${v}" destinationAppUrl="https://${word(rng)}.azurewebsites.net" />`,
    lineFiles: ['xml'],
  },

  // CI/CD
  { rule: 'circleci-personal-api-token', names: ['CIRCLECI_TOKEN', 'CIRCLE_TOKEN'], make: cat('CCIPAT_', run(22, A.base58), '_', hex(40)) },
  { rule: 'circleci-project-api-token', names: ['CIRCLE_PROJECT_TOKEN'], make: cat('CCIPRJ_', run(22, A.base58), '_', hex(40)) },
  { rule: 'circleci-legacy-api-token', names: ['CIRCLECI_TOKEN', 'CIRCLE_API_TOKEN'], make: hex(40), context: true },
  { rule: 'travis-ci-api-token', names: ['TRAVIS_API_TOKEN', 'TRAVIS_TOKEN'], make: b64u(22), context: true },
  { rule: 'buildkite-api-access-token', names: ['BUILDKITE_API_TOKEN'], make: cat('bkua_', hex(40)) },
  { rule: 'buildkite-agent-registration-token', names: ['BUILDKITE_AGENT_TOKEN'], make: hex(50), context: true },
  { rule: 'buildkite-agent-session-token', names: ['BUILDKITE_AGENT_ACCESS_TOKEN'], make: cat('bkaa_', 'MTA.', b62(72)) },
  { rule: 'buildkite-agent-job-token', names: ['BUILDKITE_AGENT_ACCESS_TOKEN'], make: cat('bkaj_', jwt((rng) => ({ sub: uuid(rng), job: uuid(rng), exp: epoch(rng) }), 'HS512')) },
  { rule: 'codecov-upload-token', names: ['CODECOV_TOKEN'], make: uuid, context: true },
  { rule: 'coveralls-repo-token', names: ['COVERALLS_REPO_TOKEN'], make: b62(33), context: true },
  { rule: 'sonarqube-token', names: ['SONAR_TOKEN'], make: cat(oneOf('squ_', 'sqp_', 'sqa_'), hex(40)) },
  { rule: 'sonarcloud-legacy-token', names: ['SONAR_TOKEN', 'SONAR_LOGIN'], make: hex(40), context: true },
  { rule: 'snyk-api-token', names: ['SNYK_TOKEN', 'SNYK_API_TOKEN'], make: uuid, context: true },
  { rule: 'harness-api-token', names: ['HARNESS_API_KEY'], make: cat(oneOf('pat.', 'sat.'), b64u(22), '.', hex(24), '.', b62(20)) },
  { rule: 'jenkins-api-token', names: ['JENKINS_API_TOKEN', 'JENKINS_TOKEN'], make: cat('11', hex(32)), context: true },
  { rule: 'bitbucket-app-password', names: ['BITBUCKET_APP_PASSWORD'], make: cat('ATBB', b62(32)) },
  { rule: 'teamcity-access-token', names: ['TEAMCITY_TOKEN'], make: cat('eyJ0eXAiOiAiVENWMiJ9.', b64u(36), '.', b64u(48)) },
  { rule: 'octopus-deploy-api-key', names: ['OCTOPUS_API_KEY'], make: (rng) => { for (;;) { const v = run(26, A.ub36)(rng); if ((v.match(/[0-9]/g) ?? []).length >= 4) return `API-${v}`; } } },
  { rule: 'drone-ci-token', names: ['DRONE_TOKEN'], make: b62(32), context: true },
  { rule: 'pulumi-access-token', names: ['PULUMI_ACCESS_TOKEN'], make: cat('pul-', hex(40)) },

  // Cloud platforms
  { rule: 'digitalocean-personal-access-token', names: ['DIGITALOCEAN_TOKEN', 'DO_TOKEN'], make: cat('dop_v1_', hex(64)) },
  { rule: 'digitalocean-oauth-access-token', names: ['DO_ACCESS_TOKEN'], make: cat('doo_v1_', hex(64)) },
  { rule: 'digitalocean-oauth-refresh-token', names: ['DO_REFRESH_TOKEN'], make: cat('dor_v1_', hex(64)) },
  { rule: 'digitalocean-spaces-secret-key', names: ['SPACES_SECRET_KEY', 'SPACES_ACCESS_SECRET'], make: b64(43), context: true },
  { rule: 'heroku-api-key', names: ['HEROKU_API_KEY'], make: cat('HRKU-AA', b64u(58)) },
  { rule: 'heroku-legacy-api-key', names: ['HEROKU_API_KEY'], make: uuid, context: true },
  { rule: 'cloudflare-api-token', names: ['CLOUDFLARE_API_TOKEN', 'CF_API_TOKEN'], make: cat(oneOf('cfut_', 'cfat_'), b62(48)) },
  { rule: 'cloudflare-global-api-key', names: ['CLOUDFLARE_API_KEY'], make: cat('cfk_', b62(48)) },
  { rule: 'cloudflare-legacy-global-api-key', names: ['CLOUDFLARE_API_KEY', 'CF_API_KEY'], make: hex(37), context: true },
  { rule: 'cloudflare-legacy-api-token', names: ['CLOUDFLARE_API_TOKEN', 'CF_API_TOKEN'], make: b64u(40), context: true },
  { rule: 'cloudflare-origin-ca-key', names: ['CF_ORIGIN_CA_KEY'], make: cat('v1.0-', hex(24), '-', hex(146)) },
  { rule: 'fastly-api-token', names: ['FASTLY_API_TOKEN', 'FASTLY_API_KEY'], make: b64u(32), context: true },
  { rule: 'netlify-access-token', names: ['NETLIFY_AUTH_TOKEN'], make: cat('nfp_', b62(36)) },
  { rule: 'netlify-legacy-access-token', names: ['NETLIFY_AUTH_TOKEN'], make: b64u(43), context: true },
  { rule: 'vercel-access-token', names: ['VERCEL_TOKEN'], make: cat(oneOf('vcp_', 'vci_'), b62(56)) },
  { rule: 'vercel-legacy-access-token', names: ['VERCEL_TOKEN'], make: b62(24), context: true },
  { rule: 'supabase-personal-access-token', names: ['SUPABASE_ACCESS_TOKEN'], make: cat('sbp_', hex(40)) },
  { rule: 'supabase-secret-key', names: ['SUPABASE_SECRET_KEY'], make: cat('sb_secret_', b64u(31)) },
  {
    rule: 'supabase-service-role-key',
    names: ['SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SERVICE_KEY'],
    make: jwt((rng) => ({ iss: 'supabase', ref: run(20, A.lower)(rng), role: 'service_role', iat: epoch(rng, 2023, 2025), exp: epoch(rng, 2033, 2036) }), 'HS256'),
    context: true,
  },
  { rule: 'firebase-cloud-messaging-server-key', names: ['FCM_SERVER_KEY'], make: cat('AAAA', b64u(7), ':APA91b', b64u(134)) },
  { rule: 'flyio-access-token', names: ['FLY_API_TOKEN'], make: cat('FlyV1 fm2_', b64(rngLength(300, 500))) },
  { rule: 'flyio-legacy-access-token', names: ['FLY_ACCESS_TOKEN'], make: cat('fo1_', b64u(43)) },
  { rule: 'render-api-key', names: ['RENDER_API_KEY'], make: cat('rnd_', b62(32)) },
  { rule: 'databricks-personal-access-token', names: ['DATABRICKS_TOKEN', 'DATABRICKS_PAT'], make: cat('dapi', hex(32), oneOf('', '-2')) },
  { rule: 'railway-api-token', names: ['RAILWAY_TOKEN', 'RAILWAY_API_TOKEN'], make: uuid, context: true },
  { rule: 'linode-api-token', names: ['LINODE_TOKEN', 'LINODE_CLI_TOKEN'], make: hex(64), context: true },
  { rule: 'scaleway-secret-key', names: ['SCW_SECRET_KEY'], make: uuid, context: true },
  { rule: 'hetzner-cloud-api-token', names: ['HCLOUD_TOKEN'], make: b62(64), context: true },
  { rule: 'alibaba-cloud-access-key-id', names: ['ALIBABA_CLOUD_ACCESS_KEY_ID'], make: cat('LTAI', b62(20)) },
  { rule: 'alibaba-cloud-access-key-secret', names: ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALICLOUD_SECRET_KEY'], make: b62(30), context: true },
  { rule: 'tencent-cloud-secret-id', names: ['TENCENTCLOUD_SECRET_ID'], make: cat('AKID', b62(32)) },
  { rule: 'tencent-cloud-secret-key', names: ['TENCENTCLOUD_SECRET_KEY'], make: b62(32), context: true },
  { rule: 'ibm-cloud-api-key', names: ['IBMCLOUD_API_KEY', 'IC_API_KEY'], make: b64u(44), context: true },
  { rule: 'yandex-cloud-api-key', names: ['YC_API_KEY'], make: cat('AQVN', b64u(36)) },
  { rule: 'vultr-api-key', names: ['VULTR_API_KEY'], make: run(36, A.ub36), context: true },
  { rule: 'deno-deploy-access-token', names: ['DENO_DEPLOY_TOKEN'], make: cat('ddp_', b62(36)) },
  { rule: 'tailscale-api-or-auth-key', names: ['TS_AUTHKEY', 'TAILSCALE_API_KEY'], make: cat(oneOf('tskey-auth-', 'tskey-api-'), b62(16), '-', b62(30)) },
  { rule: 'tailscale-oauth-client-secret', names: ['TS_OAUTH_SECRET'], make: cat('tskey-client-', b62(16), '-', b62(30)) },
  { rule: 'age-secret-key', names: ['SOPS_AGE_KEY'], make: cat('AGE-SECRET-KEY-1', run(58, A.bech32)) },
  { rule: 'mongodb-atlas-admin-api-key', names: ['MONGODB_ATLAS_PRIVATE_KEY', 'MCLI_PRIVATE_API_KEY'], make: uuid, context: true },

  // Databases (prefixed tokens; connection URLs are in generic.ts)
  { rule: 'mongodb-atlas-service-account-secret', names: ['ATLAS_CLIENT_SECRET'], make: cat('mdb_sa_sk_', b64u(40)) },
  { rule: 'neon-database-password', names: ['NEON_PASSWORD', 'PGPASSWORD'], make: cat('npg_', b62(12)) },
  { rule: 'influxdb-api-token', names: ['INFLUXDB_TOKEN', 'INFLUX_TOKEN'], make: (rng) => b64bytes(64, true)(rng) + '==', context: true },
  {
    rule: 'azure-redis-connection-string',
    names: ['REDIS_CONNECTION'],
    make: (rng) => `${word(rng)}-cache.redis.cache.windows.net:6380,password=${b64bytes(32)(rng)},ssl=True,abortConnect=False`,
  },

  // GitHub
  { rule: 'github-classic-pat', names: ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_PAT'], make: crc62('ghp_'), weight: 4 },
  { rule: 'github-oauth-token', names: ['GITHUB_OAUTH_TOKEN', 'OAUTH_TOKEN'], make: crc62('gho_') },
  { rule: 'github-user-to-server-token', names: ['GITHUB_USER_TOKEN'], make: crc62('ghu_') },
  { rule: 'github-refresh-token', names: ['GITHUB_REFRESH_TOKEN'], make: crc62('ghr_', 70) },
  { rule: 'github-installation-token', names: ['GH_INSTALLATION_TOKEN', 'GITHUB_APP_TOKEN'], make: cat('ghs_', b62(36)) },
  { rule: 'github-fine-grained-pat', names: ['GH_PAT', 'GITHUB_TOKEN'], make: githubFineGrained, weight: 2 },

  // GitLab
  { rule: 'gitlab-personal-access-token', names: ['GITLAB_TOKEN', 'GL_TOKEN'], make: cat('glpat-', b64u(20)), weight: 2 },
  { rule: 'gitlab-routable-access-token', names: ['GITLAB_TOKEN', 'CI_PUSH_TOKEN'], make: gitlabRoutable('glpat-'), weight: 2 },
  { rule: 'gitlab-deploy-token', names: ['GITLAB_DEPLOY_TOKEN'], make: cat('gldt-', b64u(20)) },
  { rule: 'gitlab-feed-token', names: ['GITLAB_FEED_TOKEN'], make: cat('glft-', b64u(20)) },
  { rule: 'gitlab-incoming-mail-token', names: ['INCOMING_EMAIL_TOKEN'], make: cat('glimt-', b62(25)) },
  { rule: 'gitlab-agent-token', names: ['GITLAB_AGENT_TOKEN'], make: cat('glagent-', b64u(50)) },
  { rule: 'gitlab-oauth-application-secret', names: ['GITLAB_OAUTH_CLIENT_SECRET'], make: cat('gloas-', hex(64)) },
  { rule: 'gitlab-pipeline-trigger-token', names: ['TRIGGER_TOKEN'], make: cat('glptt-', hex(40)) },
  { rule: 'gitlab-runner-authentication-token', names: ['RUNNER_TOKEN', 'CI_SERVER_TOKEN'], make: cat('glrt-', oneOf('', 't1_'), b64u(20)) },
  { rule: 'gitlab-ci-job-token', names: ['CI_JOB_TOKEN'], make: cat('glcbt-', run([2, 4], A.b62), '_', b64u(20)) },
  { rule: 'gitlab-scim-oauth-token', names: ['GITLAB_SCIM_TOKEN'], make: cat('glsoat-', b64u(20)) },
  { rule: 'gitlab-feature-flag-client-token', names: ['UNLEASH_INSTANCE_ID'], make: cat('glffct-', b64u(20)) },
  { rule: 'gitlab-runner-registration-token', names: ['REGISTRATION_TOKEN'], make: cat('GR1348941', b64u(20)) },
  {
    rule: 'gitlab-session-cookie',
    names: ['GITLAB_SESSION'],
    make: run(32, A.b36),
    line: (v, rng) => `curl 'https://gitlab.${host(rng)}/api/v4/user' -H 'Cookie: _gitlab_session=${v}; preferred_language=en'`,
    lineFiles: SHELLISH,
  },

  // Google
  { rule: 'google-api-key', names: ['GOOGLE_API_KEY', 'MAPS_API_KEY', 'GEMINI_API_KEY'], make: cat('AIzaSy', b64u(33)), weight: 3 },
  { rule: 'google-oauth-access-token', names: ['GOOGLE_ACCESS_TOKEN'], make: cat('ya29.a0A', b64u(rngLength(150, 220))) },
  { rule: 'google-oauth-refresh-token', names: ['GOOGLE_REFRESH_TOKEN', 'REFRESH_TOKEN'], make: cat('1//0', b64u(99)) },
  { rule: 'google-oauth-client-secret', names: ['GOOGLE_CLIENT_SECRET', 'CLIENT_SECRET'], make: cat('GOCSPX-', b64u(28)) },
  { rule: 'google-cloud-storage-hmac-secret', names: ['GCS_HMAC_SECRET', 'GS_SECRET_ACCESS_KEY'], make: alnumOrSlash(40), context: true },
  { rule: 'google-recaptcha-secret-key', names: ['RECAPTCHA_SECRET_KEY', 'RECAPTCHA_SECRET'], make: cat('6L', b64u(38)), context: true },

  // HashiCorp
  { rule: 'vault-service-token', names: ['VAULT_TOKEN'], make: cat('hvs.', b64u(rngLength(90, 100))), weight: 2 },
  { rule: 'vault-batch-token', names: ['VAULT_TOKEN'], make: cat('hvb.AAAAAQ', b64u(rngLength(130, 170))) },
  { rule: 'vault-recovery-token', names: ['VAULT_RECOVERY_TOKEN'], make: cat('hvr.', b64u(24)) },
  { rule: 'vault-legacy-token', names: ['VAULT_TOKEN'], make: cat('s.', b62(24)), context: true },
  {
    rule: 'vault-unseal-key',
    names: ['UNSEAL'],
    make: b64bytes(32),
    line: (v, rng) => `Unseal Key ${rng.int(1, 5)}: ${v}`,
    lineFiles: ['markdown', 'shell'],
  },
  { rule: 'vault-approle-secret-id', names: ['VAULT_SECRET_ID', 'APPROLE_SECRET_ID'], make: uuid, context: true },
  { rule: 'terraform-cloud-api-token', names: ['TFE_TOKEN', 'TF_API_TOKEN'], make: cat(b62(14), '.atlasv1.', b64u(67)) },
  { rule: 'consul-acl-token', names: ['CONSUL_HTTP_TOKEN'], make: uuid, context: true },
  { rule: 'nomad-acl-token', names: ['NOMAD_TOKEN'], make: uuid, context: true },
  {
    rule: 'hashicorp-gossip-encryption-key',
    names: ['ENCRYPT'],
    make: b64bytes(32),
    line: (v) => `encrypt = "${v}"`,
    lineFiles: ['hcl'],
  },
  { rule: 'hcp-service-principal-secret', names: ['HCP_CLIENT_SECRET'], make: b64u(64), context: true },

  // Identity
  { rule: 'okta-api-token', names: ['OKTA_API_TOKEN', 'OKTA_TOKEN'], make: cat('00', b64u(40)), context: true },
  { rule: 'okta-client-secret', names: ['OKTA_CLIENT_SECRET'], make: b64u(40), context: true },
  { rule: 'auth0-client-secret', names: ['AUTH0_CLIENT_SECRET'], make: b64u(64), context: true },
  { rule: 'auth0-management-api-token', names: ['AUTH0_MANAGEMENT_API_TOKEN', 'AUTH0_API_TOKEN'], make: jwt((rng) => ({ ...claimsService(rng), gty: 'client-credentials' }), 'RS256'), context: true },
  { rule: 'onelogin-client-secret', names: ['ONELOGIN_CLIENT_SECRET'], make: hex(64), context: true },
  { rule: 'keycloak-client-secret', names: ['KEYCLOAK_CLIENT_SECRET'], make: b62(32), context: true },
  { rule: 'duo-secret-key', names: ['DUO_SECRET_KEY', 'DUO_SKEY'], make: b62(40), context: true },
  { rule: 'clerk-secret-key', also: ['stripe-live-secret-key'], names: ['CLERK_SECRET_KEY'], make: cat('sk_live_', b62(46)), context: true },
  { rule: 'clerk-test-secret-key', also: ['stripe-test-secret-key'], names: ['CLERK_SECRET_KEY'], make: cat('sk_', 'test_', b62(46)), context: true },
  { rule: 'workos-api-key', also: ['stripe-live-secret-key'], names: ['WORKOS_API_KEY'], make: cat('sk_live_', b62(56)), context: true },
  { rule: 'stytch-live-secret', names: ['STYTCH_SECRET'], make: cat('secret-live-', b64u(36)) },
  { rule: 'jumpcloud-api-key', names: ['JUMPCLOUD_API_KEY'], make: hex(40), context: true },
  { rule: 'onepassword-service-account-token', names: ['OP_SERVICE_ACCOUNT_TOKEN'], make: (rng) => `ops_${jsonB64((r) => ({ signInAddress: `${word(r)}.1password.com`, userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: b64u(22)(r) }, email: `${b62(12)(r).toLowerCase()}@1passwordserviceaccounts.com`, srpX: hex(64)(r), muk: { alg: 'A256GCM', ext: true, k: b64u(43)(r), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' }, secretKey: `A3-${run(6, A.ub36)(r)}-${run(6, A.ub36)(r)}`, deviceUuid: run(26, A.b36)(r) }), true)(rng)}` },

  // JWT
  { rule: 'jwt', names: ['SERVICE_TOKEN', 'ACCESS_TOKEN', 'ID_TOKEN', 'AUTH_TOKEN'], make: jwt(claimsService), weight: 3 },

  // Messaging
  { rule: 'sendgrid-api-key', names: ['SENDGRID_API_KEY'], make: cat('SG.', b64u(22), '.', b64u(43)), weight: 2 },
  { rule: 'twilio-auth-token', names: ['TWILIO_AUTH_TOKEN'], make: hex(32), context: true, weight: 2 },
  {
    rule: 'twilio-account-credentials',
    names: ['TWILIO'],
    make: hex(32),
    line: (v, rng) => `client = Client("AC${hex(32)(rng)}", "${v}")  # twilio`,
    lineFiles: ['py'],
  },
  { rule: 'twilio-api-key-secret', names: ['TWILIO_API_SECRET'], make: b62(32), context: true },
  { rule: 'mailgun-private-api-key', names: ['MAILGUN_API_KEY'], make: cat('key-', hex(32)) },
  { rule: 'mailgun-api-key', names: ['MAILGUN_API_KEY'], make: cat(hex(32), '-', hex(8), '-', hex(8)), context: true },
  { rule: 'mailchimp-api-key', names: ['MAILCHIMP_API_KEY'], make: (rng) => `${hex(32)(rng)}-us${rng.int(1, 21)}` },
  { rule: 'mandrill-api-key', names: ['MANDRILL_API_KEY'], make: cat('md-', b64u(22)), context: true },
  { rule: 'postmark-server-token', names: ['POSTMARK_SERVER_TOKEN', 'POSTMARK_API_TOKEN'], make: uuid, context: true },
  { rule: 'brevo-api-key', names: ['BREVO_API_KEY', 'SENDINBLUE_API_KEY'], make: cat('xkeysib-', hex(64), '-', b62(16)) },
  { rule: 'brevo-smtp-key', names: ['SMTP_PASSWORD'], make: cat('xsmtpsib-', hex(64), '-', b62(16)) },
  { rule: 'discord-bot-token', names: ['DISCORD_BOT_TOKEN', 'DISCORD_TOKEN'], make: discordBotToken, context: true },
  {
    rule: 'discord-webhook-url',
    names: ['DISCORD_WEBHOOK', 'DISCORD_WEBHOOK_URL'],
    make: (rng) => `https://discord.com/api/webhooks/${rng.int(1, 9)}${run(18, A.digits)(rng)}/${b64u(68)(rng)}`,
  },
  { rule: 'telegram-bot-token', names: ['TELEGRAM_BOT_TOKEN', 'BOT_TOKEN'], make: (rng) => `${rng.int(1e8, 9e9)}:AA${b64u(33)(rng)}`, context: true },
  {
    rule: 'microsoft-teams-incoming-webhook',
    names: ['TEAMS_WEBHOOK_URL'],
    make: (rng) => `https://${word(rng)}corp.webhook.office.com/webhookb2/${uuid(rng)}@${uuid(rng)}/IncomingWebhook/${hex(32)(rng)}/${uuid(rng)}`,
  },
  { rule: 'mattermost-incoming-webhook', names: ['MATTERMOST_WEBHOOK'], make: (rng) => `https://mattermost.${host(rng)}/hooks/${run(26, A.b36)(rng)}` },
  { rule: 'mattermost-access-token', names: ['MATTERMOST_TOKEN'], make: run(26, A.b36), context: true },
  { rule: 'pusher-app-secret', names: ['PUSHER_APP_SECRET', 'PUSHER_SECRET'], make: hex(20), context: true },
  { rule: 'vonage-api-secret', names: ['VONAGE_API_SECRET', 'NEXMO_API_SECRET'], make: b62(16), context: true },
  { rule: 'messagebird-access-key', names: ['MESSAGEBIRD_ACCESS_KEY'], make: b62(25), context: true },
  { rule: 'intercom-access-token', names: ['INTERCOM_ACCESS_TOKEN'], make: (rng) => Buffer.from(`tok:${uuid(rng).replace(/-/g, '_')}:1:0`).toString('base64') },
  { rule: 'mailjet-api-credentials', names: ['MAILJET_SECRET_KEY', 'MJ_APIKEY_PRIVATE'], make: hex(32), context: true },
  { rule: 'sparkpost-api-key', names: ['SPARKPOST_API_KEY'], make: hex(40), context: true },
  { rule: 'plivo-auth-token', names: ['PLIVO_AUTH_TOKEN'], make: b62(40), context: true },
  { rule: 'confluent-cloud-api-secret', names: ['CONFLUENT_API_SECRET', 'CONFLUENT_CLOUD_SECRET'], make: b64(64), context: true },
  {
    rule: 'confluent-cloud-api-secret',
    names: ['KAFKA'],
    make: b64(64),
    line: (v, rng) => `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='${run(16, A.ub36)(rng)}' password='${v}';`,
    lineFiles: ['ini', 'shell', 'markdown'],
  },

  // Observability
  { rule: 'datadog-api-key', names: ['DD_API_KEY', 'DATADOG_API_KEY'], make: hex(32), context: true, weight: 2 },
  { rule: 'datadog-application-key', names: ['DD_APP_KEY', 'DATADOG_APPLICATION_KEY'], make: hex(40), context: true },
  { rule: 'grafana-cloud-token', names: ['GRAFANA_CLOUD_TOKEN'], make: (rng) => `glc_${jsonB64((r) => ({ o: String(r.int(100000, 999999)), n: `stack-${r.int(100000, 999999)}-${word(r)}-write`, k: b62(24)(r), m: { r: 'prod-eu-west-0' } }))(rng)}` },
  { rule: 'grafana-service-account-token', names: ['GRAFANA_SERVICE_ACCOUNT_TOKEN', 'GRAFANA_TOKEN'], make: cat('glsa_', b62(32), '_', hex(8)) },
  { rule: 'grafana-api-key-legacy', names: ['GRAFANA_API_KEY'], make: (rng) => jsonB64((r) => ({ k: b62(32)(r), n: `${word(r)}-bot`, id: r.int(1, 40) }))(rng) },
  { rule: 'sentry-org-auth-token', names: ['SENTRY_AUTH_TOKEN'], make: (rng) => `sntrys_${jsonB64((r) => ({ iat: epoch(r) + 0.5, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: word(r) }))(rng)}_${b64(43)(rng)}` },
  { rule: 'sentry-user-auth-token', names: ['SENTRY_AUTH_TOKEN'], make: cat('sntryu_', hex(64)) },
  { rule: 'sentry-auth-token-legacy', names: ['SENTRY_AUTH_TOKEN'], make: hex(64), context: true },
  { rule: 'sentry-dsn-with-secret', names: ['SENTRY_DSN'], make: (rng) => `https://${hex(32)(rng)}:${hex(32)(rng)}@o${rng.int(10000, 999999)}.ingest.sentry.io/${rng.int(1000000, 9999999)}` },
  { rule: 'newrelic-user-api-key', names: ['NEW_RELIC_API_KEY'], make: cat('NRAK-', run(27, A.ub36)) },
  { rule: 'newrelic-insights-insert-key', names: ['NEW_RELIC_INSERT_KEY'], make: cat('NRII-', b64u(32)) },
  { rule: 'newrelic-insights-query-key', names: ['NEW_RELIC_QUERY_KEY'], make: cat('NRIQ-', b64u(32)) },
  { rule: 'newrelic-license-key', names: ['NEW_RELIC_LICENSE_KEY'], make: cat(hex(36), 'NRAL') },
  { rule: 'newrelic-license-key-legacy', names: ['NEW_RELIC_LICENSE_KEY', 'NEWRELIC_LICENSE_KEY'], make: hex(40), context: true },
  { rule: 'doppler-personal-token', names: ['DOPPLER_TOKEN'], make: cat('dp.pt.', b62(43)) },
  { rule: 'doppler-service-token', names: ['DOPPLER_TOKEN'], make: cat('dp.st.', oneOf('prd.', 'dev.', ''), b62(43)) },
  { rule: 'doppler-service-account-token', names: ['DOPPLER_TOKEN'], make: cat('dp.sa.', b62(43)) },
  { rule: 'dynatrace-api-token', names: ['DT_API_TOKEN'], make: cat('dt0c01.', run(24, A.ub36), '.', run(64, A.ub36)) },
  { rule: 'honeycomb-ingest-key', names: ['HONEYCOMB_API_KEY'], make: cat(oneOf('hcaik_', 'hcxik_'), run(58, A.b36)) },
  { rule: 'honeycomb-configuration-key', names: ['HONEYCOMB_API_KEY', 'HONEYCOMB_WRITEKEY'], make: b62(22), context: true },
  { rule: 'pagerduty-api-key', names: ['PAGERDUTY_TOKEN', 'PAGERDUTY_API_KEY'], make: run(20, A.b62 + '_+-'), context: true },
  { rule: 'pagerduty-integration-key', names: ['PAGERDUTY_ROUTING_KEY', 'PAGERDUTY_INTEGRATION_KEY'], make: hex(32), context: true },
  { rule: 'opsgenie-api-key', names: ['OPSGENIE_API_KEY'], make: uuid, context: true },
  { rule: 'rollbar-access-token', names: ['ROLLBAR_ACCESS_TOKEN'], make: hex(32), context: true },
  { rule: 'bugsnag-api-key', names: ['BUGSNAG_API_KEY'], make: hex(32), context: true },
  { rule: 'elastic-api-key', names: ['ELASTIC_API_KEY'], make: (rng) => Buffer.from(`${b64u(20)(rng)}:${b64u(22)(rng)}`).toString('base64'), context: true },
  { rule: 'splunk-hec-token', names: ['SPLUNK_HEC_TOKEN'], make: uuid, context: true },
  { rule: 'lightstep-access-token', names: ['LIGHTSTEP_ACCESS_TOKEN'], make: b64(84), context: true },
  { rule: 'axiom-api-token', names: ['AXIOM_TOKEN'], make: cat(oneOf('xaat-', 'xapt-'), uuid) },
  { rule: 'sumologic-access-key', names: ['SUMOLOGIC_ACCESS_KEY', 'SUMO_ACCESS_KEY'], make: b62(64), context: true },

  // Package registries
  { rule: 'npm-access-token', names: ['NPM_TOKEN', 'NODE_AUTH_TOKEN'], make: crc62('npm_'), weight: 3 },
  { rule: 'pypi-api-token', names: ['PYPI_TOKEN', 'TWINE_PASSWORD', 'PYPI_API_TOKEN'], make: macaroon('pypi.org'), weight: 2 },
  { rule: 'pypi-test-api-token', names: ['TEST_PYPI_TOKEN'], make: macaroon('test.pypi.org') },
  { rule: 'docker-hub-personal-access-token', names: ['DOCKERHUB_TOKEN', 'DOCKER_PASSWORD'], make: cat('dckr_pat_', b64u(27)), weight: 2 },
  { rule: 'docker-hub-organization-access-token', names: ['DOCKER_ORG_TOKEN'], make: cat('dckr_oat_', b64u(32)) },
  { rule: 'rubygems-api-key', names: ['GEM_HOST_API_KEY', 'RUBYGEMS_API_KEY'], make: cat('rubygems_', hex(48)) },
  { rule: 'nuget-api-key', names: ['NUGET_API_KEY'], make: cat('oy2', run(43, A.b36)) },
  { rule: 'jfrog-api-key', names: ['ARTIFACTORY_API_KEY'], make: cat('AKCp', b62(69)) },
  { rule: 'jfrog-reference-token', names: ['JF_ACCESS_TOKEN'], make: alnumNoSymbols((rng) => Buffer.from(`reftkn:01:${epoch(rng, 2026, 2032)}:${b62(27)(rng)}`).toString('base64')) },
  { rule: 'crates-io-api-token', names: ['CARGO_REGISTRY_TOKEN'], make: cat('cio', b62(32)) },
  { rule: 'clojars-deploy-token', names: ['CLOJARS_PASSWORD'], make: cat('CLOJARS_', hex(60)) },
  { rule: 'packagist-token', names: ['PACKAGIST_TOKEN'], make: cat('packagist_', oneOf('ort', 'uat'), '_', hex(68)) },
  { rule: 'gradle-plugin-portal-secret', names: ['GRADLE_PUBLISH_SECRET'], make: b62(32), context: true },
  { rule: 'hex-api-key', names: ['HEX_API_KEY'], make: hex(32), context: true },

  // Payments
  { rule: 'stripe-live-secret-key', names: ['STRIPE_SECRET_KEY', 'STRIPE_API_KEY', 'STRIPE_KEY'], make: cat('sk_live_', oneOf(b62(24), b62(99))), weight: 3 },
  { rule: 'stripe-live-restricted-key', names: ['STRIPE_RESTRICTED_KEY'], make: cat('rk_live_', b62(99)) },
  { rule: 'stripe-test-secret-key', names: ['STRIPE_SECRET_KEY'], make: cat('sk_', 'test_', b62(99)) },
  { rule: 'stripe-webhook-signing-secret', names: ['STRIPE_WEBHOOK_SECRET'], make: cat('whsec_', b62(32)) },
  { rule: 'paystack-live-secret-key', also: ['stripe-live-secret-key'], names: ['PAYSTACK_SECRET_KEY'], make: cat('sk_live_', hex(40)) },
  { rule: 'square-access-token', names: ['SQUARE_ACCESS_TOKEN'], make: cat('EAAA', b64u(60)) },
  { rule: 'square-legacy-access-token', names: ['SQUARE_ACCESS_TOKEN'], make: cat('sq0atp-', b64u(22)) },
  { rule: 'square-oauth-secret', names: ['SQUARE_APPLICATION_SECRET'], make: cat('sq0csp-', b64u(43)) },
  { rule: 'braintree-access-token', names: ['BRAINTREE_ACCESS_TOKEN'], make: cat('access_token$production$', run(16, A.b36), '$', hex(32)) },
  { rule: 'braintree-private-key', names: ['BRAINTREE_PRIVATE_KEY'], make: hex(32), context: true },
  { rule: 'paypal-client-secret', names: ['PAYPAL_CLIENT_SECRET', 'PAYPAL_SECRET'], make: b64u(80), context: true },
  { rule: 'adyen-api-key', names: ['ADYEN_API_KEY'], make: cat('AQE', b64(85), '-', b64(44), '-', run(16, A.b62 + '!#%*+=?^_~')) },
  { rule: 'adyen-hmac-key', names: ['ADYEN_HMAC_KEY'], make: run(64, A.uhex), context: true },
  { rule: 'razorpay-key-secret', names: ['RAZORPAY_KEY_SECRET'], make: b62(24), context: true },
  { rule: 'plaid-access-token', names: ['PLAID_ACCESS_TOKEN'], make: cat('access-production-', uuid) },
  { rule: 'plaid-secret', names: ['PLAID_SECRET'], make: hex(30), context: true },
  { rule: 'coinbase-api-secret', names: ['COINBASE_API_SECRET'], make: b62(32), context: true },
  { rule: 'flutterwave-secret-key', names: ['FLW_SECRET_KEY'], make: cat('FLWSECK-', hex(32), '-X') },
  { rule: 'mercadopago-access-token', names: ['MP_ACCESS_TOKEN'], make: cat('APP_USR-', run(16, A.digits), '-', run(6, A.digits), '-', hex(32), '-', run(9, A.digits)) },
  { rule: 'xendit-secret-key', names: ['XENDIT_SECRET_KEY'], make: cat('xnd_production_', b62(64)) },
  { rule: 'midtrans-server-key', names: ['MIDTRANS_SERVER_KEY'], make: cat('Mid-server-', b64u(24)) },
  { rule: 'paddle-api-key', names: ['PADDLE_API_KEY'], make: cat('pdl_live_apikey_', run(26, A.b36), '_', b62(22), '_', b62(3)) },
  { rule: 'mollie-api-key', names: ['MOLLIE_API_KEY'], make: cat('live_', b62(30)), context: true },
  { rule: 'gocardless-access-token', names: ['GOCARDLESS_ACCESS_TOKEN'], make: cat('live_', b64u(40)), context: true },
  { rule: 'authorize-net-transaction-key', names: ['AUTHORIZE_NET_TRANSACTION_KEY', 'AUTHNET_TRANSACTION_KEY'], make: b62(16), context: true },

  // Private keys
  { rule: 'private-key-rsa', names: ['PRIVATE_KEY', 'SSL_KEY'], make: rsaKey, multiline: true, weight: 3 },
  { rule: 'private-key-ec', names: ['EC_PRIVATE_KEY', 'SIGNING_KEY'], make: ecKey, multiline: true },
  { rule: 'private-key-dsa', names: ['DSA_KEY'], make: dsaKey, multiline: true },
  { rule: 'private-key-openssh', names: ['SSH_PRIVATE_KEY', 'DEPLOY_KEY'], make: opensshKey, multiline: true, weight: 2 },
  { rule: 'private-key-pkcs8', names: ['PRIVATE_KEY', 'TLS_KEY'], make: pkcs8Key, multiline: true, weight: 2 },
  { rule: 'private-key-pkcs8-encrypted', names: ['ENCRYPTED_KEY'], make: encryptedPkcs8, multiline: true },
  { rule: 'private-key-pgp', names: ['GPG_PRIVATE_KEY'], make: pgpKey, multiline: true },
  { rule: 'putty-private-key', names: ['PPK'], make: puttyKey, multiline: true },

  // SaaS
  { rule: 'shopify-admin-access-token', names: ['SHOPIFY_ACCESS_TOKEN', 'SHOPIFY_ADMIN_TOKEN'], make: cat('shpat_', hex(32)) },
  { rule: 'shopify-custom-app-token', names: ['SHOPIFY_TOKEN'], make: cat('shpca_', hex(32)) },
  { rule: 'shopify-private-app-password', names: ['SHOPIFY_PASSWORD'], make: cat('shppa_', hex(32)) },
  { rule: 'shopify-shared-secret', names: ['SHOPIFY_API_SECRET'], make: cat('shpss_', hex(32)) },
  { rule: 'atlassian-api-token', names: ['JIRA_API_TOKEN', 'CONFLUENCE_API_TOKEN', 'ATLASSIAN_TOKEN'], make: atlassian('ATATT3xFfGF0'), weight: 2 },
  { rule: 'atlassian-org-admin-api-key', names: ['ATLASSIAN_ORG_API_KEY'], make: atlassian('ATCTT3xFfGN0') },
  { rule: 'atlassian-legacy-api-token', names: ['JIRA_API_TOKEN', 'CONFLUENCE_TOKEN'], make: cat(run(20, A.b36), hex(4)), context: true },
  { rule: 'linear-api-key', names: ['LINEAR_API_KEY'], make: cat('lin_api_', b62(40)) },
  { rule: 'linear-oauth-token', names: ['LINEAR_TOKEN'], make: cat('lin_oauth_', hex(64)) },
  { rule: 'postman-api-key', names: ['POSTMAN_API_KEY'], make: cat('PMAK-', hex(24), '-', hex(34)) },
  { rule: 'notion-integration-token', names: ['NOTION_TOKEN', 'NOTION_API_KEY'], make: cat('ntn_', run(11, A.digits), b62(35)) },
  { rule: 'notion-integration-token-legacy', names: ['NOTION_API_KEY'], make: cat('secret_', b62(43)) },
  { rule: 'asana-personal-access-token', names: ['ASANA_ACCESS_TOKEN'], make: (rng) => `2/${run(16, A.digits)(rng)}/${run(16, A.digits)(rng)}:${hex(32)(rng)}`, context: true },
  { rule: 'airtable-personal-access-token', names: ['AIRTABLE_API_KEY', 'AIRTABLE_TOKEN'], make: cat('pat', b62(14), '.', hex(64)) },
  { rule: 'airtable-api-key-legacy', names: ['AIRTABLE_API_KEY'], make: cat('key', b62(14)), context: true },
  { rule: 'figma-personal-access-token', names: ['FIGMA_ACCESS_TOKEN', 'FIGMA_TOKEN'], make: cat('figd_', b64u(40)) },
  { rule: 'dropbox-short-lived-token', names: ['DROPBOX_ACCESS_TOKEN'], make: cat('sl.', oneOf('', 'u.'), b64u(rngLength(140, 200))) },
  { rule: 'dropbox-long-lived-token', names: ['DROPBOX_TOKEN'], make: cat(b64u(11), 'AAAAAAAAAA', b64u(43)), context: true },
  { rule: 'hubspot-private-app-token', names: ['HUBSPOT_ACCESS_TOKEN'], make: cat(oneOf('pat-na1-', 'pat-eu1-'), uuid) },
  { rule: 'typeform-personal-access-token', names: ['TYPEFORM_TOKEN'], make: cat('tfp_', b62(44), '_', b62(14)) },
  { rule: 'contentful-management-token', names: ['CONTENTFUL_MANAGEMENT_TOKEN'], make: cat('CFPAT-', b64u(43)) },
  { rule: 'algolia-admin-api-key', names: ['ALGOLIA_ADMIN_API_KEY', 'ALGOLIA_ADMIN_KEY'], make: hex(32), context: true },
  { rule: 'mapbox-secret-token', names: ['MAPBOX_DOWNLOADS_TOKEN', 'MAPBOX_SECRET_TOKEN'], make: (rng) => `sk.${jsonB64((r) => ({ u: `${word(r)}-maps`, a: run(25, A.b36)(r) }), true)(rng)}.${b64u(22)(rng)}` },
  { rule: 'planetscale-service-token', names: ['PLANETSCALE_SERVICE_TOKEN'], make: cat('pscale_tkn_', b64u(43)) },
  { rule: 'planetscale-password', names: ['PLANETSCALE_PASSWORD'], make: cat('pscale_pw_', b64u(43)) },
  { rule: 'planetscale-oauth-token', names: ['PLANETSCALE_TOKEN'], make: cat('pscale_oauth_', b64u(43)) },
  { rule: 'sourcegraph-access-token', names: ['SRC_ACCESS_TOKEN'], make: cat('sgp_', hex(16), '_', hex(40)) },
  { rule: 'readme-api-key', names: ['README_API_KEY'], make: cat('rdme_', run(70, A.b36)) },
  { rule: 'prefect-api-key', names: ['PREFECT_API_KEY'], make: cat('pnu_', b62(36)) },
  { rule: 'frameio-developer-token', names: ['FRAMEIO_TOKEN'], make: cat('fio-u-', b64u(64)) },
  { rule: 'zendesk-api-token', names: ['ZENDESK_API_TOKEN'], make: b62(40), context: true },
  { rule: 'monday-api-token', names: ['MONDAY_API_TOKEN'], make: jwt((rng) => ({ tid: rng.int(1e8, 9e8), aai: 11, uid: rng.int(1e7, 9e7), iad: '2025-03-12T09:15:24.000Z', per: 'me:write', actid: rng.int(1e6, 9e6), rgn: 'use1' }), 'HS256'), context: true },
  { rule: 'clickup-personal-token', names: ['CLICKUP_API_TOKEN'], make: cat('pk_', run(8, A.digits), '_', run(32, A.ub36)), context: true },
  { rule: 'trello-api-token', names: ['TRELLO_TOKEN'], make: cat('ATTA', hex(64), run(8, A.uhex)), context: true },
  { rule: 'freshdesk-api-key', names: ['FRESHDESK_API_KEY'], make: b62(20), context: true },
  { rule: 'launchdarkly-access-token', names: ['LD_SDK_KEY', 'LAUNCHDARKLY_SDK_KEY', 'LAUNCHDARKLY_API_TOKEN'], make: cat(oneOf('sdk-', 'api-'), uuid) },
  { rule: 'twitter-bearer-token', names: ['TWITTER_BEARER_TOKEN', 'X_BEARER_TOKEN'], make: (rng) => `AAAAAAAAAAAAAAAAAAAAA${b62(28)(rng)}%3D${b62(50)(rng)}` },

  // Slack
  { rule: 'slack-bot-token', names: ['SLACK_BOT_TOKEN', 'SLACK_TOKEN'], make: (rng) => `xoxb-${run(12, A.digits)(rng)}-${run(13, A.digits)(rng)}-${b62(24)(rng)}`, weight: 3 },
  { rule: 'slack-user-token', names: ['SLACK_USER_TOKEN'], make: (rng) => `xoxp-${run(12, A.digits)(rng)}-${run(12, A.digits)(rng)}-${run(13, A.digits)(rng)}-${hex(32)(rng)}` },
  { rule: 'slack-app-level-token', names: ['SLACK_APP_TOKEN'], make: (rng) => `xapp-1-A${run(10, A.ub36)(rng)}-${run(13, A.digits)(rng)}-${hex(64)(rng)}` },
  { rule: 'slack-rotating-access-token', names: ['SLACK_ACCESS_TOKEN'], make: cat('xoxe.xoxb-1-', b62(160)) },
  { rule: 'slack-refresh-token', names: ['SLACK_REFRESH_TOKEN'], make: cat('xoxe-1-', b62(146)) },
  { rule: 'slack-session-token', names: ['SLACK_SESSION'], make: (rng) => `xoxc-${run(12, A.digits)(rng)}-${run(12, A.digits)(rng)}-${run(13, A.digits)(rng)}-${hex(64)(rng)}` },
  { rule: 'slack-incoming-webhook-url', names: ['SLACK_WEBHOOK_URL', 'SLACK_WEBHOOK'], make: (rng) => `https://hooks.slack.com/services/T${run(10, A.ub36)(rng)}/B${run(10, A.ub36)(rng)}/${b62(24)(rng)}`, weight: 2 },
  { rule: 'slack-workflow-webhook-url', names: ['SLACK_WORKFLOW_URL'], make: (rng) => `https://hooks.slack.com/workflows/T${run(10, A.ub36)(rng)}/A${run(10, A.ub36)(rng)}/${run(18, A.digits)(rng)}/${b62(24)(rng)}` },
  { rule: 'slack-app-secret', names: ['SLACK_SIGNING_SECRET', 'SLACK_CLIENT_SECRET'], make: hex(32), context: true },
];

/** A length drawn per value. */
function rngLength(min: number, max: number): readonly [number, number] {
  return [min, max];
}

/** 40 characters of base64 without padding (AWS and GCS secret keys), not all hex. */
function alnumOrSlash(n: number): Gen {
  return (rng) => {
    for (;;) {
      const v = run(n, A.b64)(rng);
      if (/[A-Z]/.test(v) && /[a-z]/.test(v)) return v;
    }
  };
}
