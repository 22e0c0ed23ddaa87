/**
 * Hard negatives: text a scanner must not report although it sits next to credential words or looks
 * like a token — placeholders, documentation example keys, hashes, UUIDs, lockfile integrity
 * strings, public keys and certificates, data URIs, minified code, tokens with a wrong checksum,
 * variable references and templating, localhost defaults, redacted values, publishable keys,
 * translated UI strings about passwords, type annotations, encrypted values and config metadata.
 */
import type { Random } from '../lib/random.js';
import { A, atlassian, b64bytes, breakLast, cat, crc62, type Gen, gitlabRoutable, oneOf, run, uuid } from './gen.js';

export interface NegativeAssignment {
  category: string;
  name: string;
  value: string;
}

type NegativeMaker = (rng: Random) => NegativeAssignment;

const credName = (rng: Random): string =>
  rng.pick(['PASSWORD', 'DB_PASSWORD', 'API_KEY', 'SECRET_KEY', 'ACCESS_TOKEN', 'AUTH_TOKEN', 'CLIENT_SECRET', 'GITHUB_TOKEN', 'STRIPE_SECRET_KEY', 'AWS_SECRET_ACCESS_KEY', 'SLACK_BOT_TOKEN', 'PRIVATE_KEY', 'NPM_TOKEN', 'JWT_SECRET', 'SENDGRID_API_KEY', 'DATADOG_API_KEY', 'TWILIO_AUTH_TOKEN']);
const word = (rng: Random): string => rng.pick(['orders', 'billing', 'ledger', 'search', 'catalog', 'payments', 'reports', 'identity']);

const j = (...parts: string[]): string => parts.join('');
const b64json = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');

const placeholders: Gen = (rng) =>
  rng.pick([
    'your_api_key_here',
    'changeme',
    '<YOUR_TOKEN>',
    '<your-password>',
    'xxxxxxxxxxxxxxxxxxxxxxxx',
    'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
    'REPLACE_ME',
    'replace-with-your-key',
    'TODO',
    'insert-token-here',
    '********',
    '************************',
    'secret',
    'password',
    '...',
    'your-secret-key',
    'PUT_YOUR_KEY_HERE',
    'not-a-real-key',
    'dummy-token-value',
    'sample-api-key-1234',
    'example-secret',
    'changeit',
    'TBD',
    '<insert api key>',
    'my-super-secret-password',
    'enter-your-token',
    j('sk', '_live_', 'x'.repeat(24)),
    j('gh', 'p_', 'X'.repeat(36)),
    j('AK', 'IA', 'X'.repeat(16)),
    j('xo', 'xb-', 'your-bot-token'),
    j('sk', '-proj-', '...'),
    'password123',
    'secret123',
    'hunter2',
  ]);

/** Keys published in provider documentation, copied into countless READMEs. */
const docExamples: readonly NegativeMaker[] = [
  () => ({ category: 'doc-example', name: 'AWS_ACCESS_KEY_ID', value: j('AKIA', 'IOSFODNN7', 'EXAMPLE') }),
  () => ({ category: 'doc-example', name: 'AWS_SECRET_ACCESS_KEY', value: j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCY', 'EXAMPLEKEY') }),
  () => ({ category: 'doc-example', name: 'AWS_ACCESS_KEY_ID', value: j('AKIA', 'I44QH8DHB', 'EXAMPLE') }),
  () => ({ category: 'doc-example', name: 'AWS_SECRET_ACCESS_KEY', value: j('je7MtGbClwBF/2Zp9Utk/', 'h3yCo8nvb', 'EXAMPLEKEY') }),
  () => ({
    category: 'doc-example',
    name: 'ID_TOKEN',
    value: j('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ', '.', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'),
  }),
  () => ({ category: 'doc-example', name: 'SLACK_BOT_TOKEN', value: j('xo', 'xb-', 'not-a-real-token-this-will-not-work') }),
  (rng) => ({ category: 'doc-example', name: 'API_URL', value: `https://api.example.com/v1/items?api_key=${run(32, A.b62)(rng)}&page=2` }),
  () => ({
    category: 'doc-example',
    name: 'AZURE_STORAGE_CONNECTION_STRING',
    value: j('DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=', 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==', ';BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;'),
  }),
];

/** Checksummed formats with a wrong checksum: typos or hand-made fakes. */
const badChecksums: readonly Gen[] = [
  (rng) => breakLast(crc62(j('gh', 'p_'))(rng)),
  (rng) => breakLast(crc62(j('gh', 'o_'))(rng)),
  (rng) => breakLast(crc62(j('np', 'm_'))(rng)),
  (rng) => breakLast(gitlabRoutable(j('gl', 'pat-'))(rng)),
  (rng) => breakLast(atlassian(j('ATATT3', 'xFfGF0'))(rng)),
];

const references: Gen = (rng) => {
  const env = rng.pick(['DB_PASSWORD', 'API_KEY', 'GITHUB_TOKEN', 'STRIPE_SECRET_KEY', 'NPM_TOKEN', 'CLIENT_SECRET']);
  const lower = env.toLowerCase();
  return rng.pick([
    `\${${env}}`,
    `\${{ secrets.${env} }}`,
    `{{ .Values.${word(rng)}.${lower} }}`,
    `{{ ${lower} }}`,
    `process.env.${env}`,
    `os.environ["${env}"]`,
    `os.getenv("${env}")`,
    `ENV["${env}"]`,
    `ENV.fetch("${env}")`,
    `System.getenv("${env}")`,
    `os.Getenv("${env}")`,
    `Environment.GetEnvironmentVariable("${env}")`,
    `getenv('${env}')`,
    `$(${env})`,
    `%${env}%`,
    `$${env}`,
    `#{${lower}}`,
    `<%= ENV['${env}'] %>`,
    `{{ vault "secret/data/${word(rng)}" "${lower}" }}`,
    `!Ref ${word(rng)}${env.charAt(0)}`,
    `{{resolve:secretsmanager:${word(rng)}/${lower}:SecretString:password}}`,
    `var.${lower}`,
    `data.aws_secretsmanager_secret_version.${word(rng)}.secret_string`,
    `\${env:${env}}`,
    `config('services.${word(rng)}.secret')`,
    `Rails.application.credentials.${lower}`,
    `settings.${env}`,
    `secret.Data["${lower}"]`,
    `vault:secret/data/${word(rng)}#${lower}`,
    `@Value("\${${word(rng)}.${lower}}")`,
    `\${${word(rng)}.${lower}}`,
  ]);
};

const redacted: Gen = (rng) =>
  rng.pick(['****', '********', 'xxxx', 'XXXX-XXXX-XXXX', '<redacted>', '[REDACTED]', 'REDACTED', '•••••••••', '[FILTERED]', '***hidden***', j('sk', '_live_', '…', run(4, A.b62)(rng)), j('gh', 'p_', run(2, A.b62)(rng), '…', run(4, A.b62)(rng)), j('AK', 'IA', '************', run(4, A.upper)(rng)), '<hidden>', '(sensitive value)']);

const publishable: readonly NegativeMaker[] = [
  (rng) => ({ category: 'publishable-key', name: 'STRIPE_PUBLISHABLE_KEY', value: j('pk', '_test_', run(99, A.b62)(rng)) }),
  (rng) => ({ category: 'publishable-key', name: 'NEXT_PUBLIC_STRIPE_KEY', value: j('pk', '_live_', run(99, A.b62)(rng)) }),
  (rng) => ({ category: 'publishable-key', name: 'MAPBOX_PUBLIC_TOKEN', value: j('pk', '.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6I', run(26, A.b62)(rng), 'In0.', run(22, A.b64u)(rng)) }),
  (rng) => ({ category: 'publishable-key', name: 'RECAPTCHA_SITE_KEY', value: j('6L', run(38, A.b64u)(rng)) }),
  (rng) => ({ category: 'publishable-key', name: 'SENTRY_DSN', value: `https://${run(32, A.hex)(rng)}@o${rng.int(10000, 999999)}.ingest.sentry.io/${rng.int(1000000, 9999999)}` }),
  (rng) => ({ category: 'publishable-key', name: 'POSTHOG_KEY', value: j('phc_', run(43, A.b62)(rng)) }),
  (rng) => ({ category: 'publishable-key', name: 'ALGOLIA_SEARCH_KEY', value: run(32, A.hex)(rng) }),
  (rng) => ({ category: 'publishable-key', name: 'CLERK_PUBLISHABLE_KEY', value: j('pk', '_test_', Buffer.from(`${word(rng)}-app-${rng.int(10, 99)}.clerk.accounts.dev$`).toString('base64')) }),
];

const localhostDefaults: Gen = (rng) =>
  rng.pick([
    'postgres://postgres:postgres@localhost:5432/app',
    'postgresql://user:password@localhost/db',
    'mysql://root:root@127.0.0.1:3306/test',
    'amqp://guest:guest@localhost:5672/',
    `redis://:devpassword@localhost:6379/${rng.int(0, 3)}`,
    'mongodb://admin:admin@localhost:27017',
    'http://admin:admin@localhost:8080/manager',
    `postgres://${word(rng)}:${word(rng)}@127.0.0.1:5432/${word(rng)}_dev`,
    'mongodb://root:example@mongo:27017/',
  ]);

const hashes: readonly NegativeMaker[] = [
  (rng) => ({ category: 'hash', name: rng.pick(['SHA256', 'CHECKSUM', 'DIGEST', 'FILE_HASH']), value: run(64, A.hex)(rng) }),
  (rng) => ({ category: 'hash', name: rng.pick(['COMMIT', 'GIT_SHA', 'REVISION', 'SOURCE_VERSION']), value: run(40, A.hex)(rng) }),
  (rng) => ({ category: 'hash', name: rng.pick(['MD5', 'ETAG', 'CACHE_KEY']), value: run(32, A.hex)(rng) }),
  (rng) => ({ category: 'hash', name: 'IMAGE_DIGEST', value: `sha256:${run(64, A.hex)(rng)}` }),
  (rng) => ({ category: 'hash', name: 'SRI', value: `sha384-${b64bytes(48)(rng)}` }),
];

const uuids: NegativeMaker = (rng) => ({ category: 'uuid', name: rng.pick(['TENANT_ID', 'SUBSCRIPTION_ID', 'CLIENT_ID', 'APP_ID', 'REQUEST_ID', 'TRACE_ID', 'ORG_ID', 'PROJECT_ID', 'KMS_KEY_ID']), value: uuid(rng) });

const identifiers: NegativeMaker = (rng) =>
  rng.pick<NegativeAssignment>([
    { category: 'identifier', name: 'GOOGLE_CLIENT_ID', value: `${run(12, A.digits)(rng)}-${run(32, A.b36)(rng)}.apps.googleusercontent.com` },
    { category: 'identifier', name: 'MONGO_OBJECT_ID', value: run(24, A.hex)(rng) },
    { category: 'identifier', name: 'STRIPE_PRICE_ID', value: j('price_', run(24, A.b62)(rng)) },
    { category: 'identifier', name: 'STRIPE_CUSTOMER', value: j('cus_', run(14, A.b62)(rng)) },
    { category: 'identifier', name: 'COGNITO_USER_POOL_ID', value: `eu-west-1_${run(9, A.b62)(rng)}` },
    { category: 'identifier', name: 'AWS_ROLE_ARN', value: `arn:aws:iam::${run(12, A.digits)(rng)}:role/${word(rng)}-deployer` },
    { category: 'identifier', name: 'AWS_ACCESS_KEY_ID_PARAM', value: `/${word(rng)}/prod/aws_access_key_id` },
    { category: 'identifier', name: 'GA_MEASUREMENT_ID', value: `G-${run(10, A.ub36)(rng)}` },
    { category: 'identifier', name: 'BUILD_ID', value: `${word(rng)}-${run(12, A.b36)(rng)}` },
    { category: 'identifier', name: 'TWILIO_ACCOUNT_SID', value: j('AC', run(32, A.hex)(rng)) },
    { category: 'identifier', name: 'AZURE_TENANT_ID', value: uuid(rng) },
    { category: 'identifier', name: 'DD_SITE', value: 'datadoghq.eu' },
  ]);

/** Names that contain credential words but hold configuration, not secrets. */
const metadata: NegativeMaker = (rng) =>
  rng.pick<NegativeAssignment>([
    { category: 'config-metadata', name: 'PASSWORD_MIN_LENGTH', value: String(rng.int(8, 16)) },
    { category: 'config-metadata', name: 'TOKEN_TTL', value: String(rng.int(60, 86400)) },
    { category: 'config-metadata', name: 'SECRET_NAME', value: `${word(rng)}-db-credentials` },
    { category: 'config-metadata', name: 'API_KEY_HEADER', value: 'X-API-Key' },
    { category: 'config-metadata', name: 'TOKEN_URL', value: `https://auth.${word(rng)}.internal/oauth/token` },
    { category: 'config-metadata', name: 'PASSWORD_RESET_URL', value: '/account/reset-password' },
    { category: 'config-metadata', name: 'TOKEN_TYPE', value: 'Bearer' },
    { category: 'config-metadata', name: 'EXISTING_SECRET', value: `${word(rng)}-postgresql` },
    { category: 'config-metadata', name: 'PASSWORD_FILE', value: '/run/secrets/db_password' },
    { category: 'config-metadata', name: 'CREDENTIALS_PATH', value: `/etc/${word(rng)}/credentials.json` },
    { category: 'config-metadata', name: 'API_KEY_ENV', value: 'OPENAI_API_KEY' },
    { category: 'config-metadata', name: 'TOKENIZER', value: 'bert-base-uncased' },
    { category: 'config-metadata', name: 'MAX_TOKENS', value: String(rng.int(256, 8192)) },
    { category: 'config-metadata', name: 'SECRET_PROVIDER', value: 'aws-secrets-manager' },
    { category: 'config-metadata', name: 'AUTH_METHOD', value: 'oauth2' },
    { category: 'config-metadata', name: 'PASSWORD_HASHER', value: 'argon2id' },
    { category: 'config-metadata', name: 'SECRET_KEY_REF', value: `${word(rng)}/api-key` },
    { category: 'config-metadata', name: 'TOKEN_AUDIENCE', value: `api://${word(rng)}-service` },
    { category: 'config-metadata', name: 'KEYCLOAK_REALM', value: `${word(rng)}-realm` },
    { category: 'config-metadata', name: 'PASSWORD_POLICY', value: 'Strong1!Policy' },
    { category: 'config-metadata', name: 'SECRET_ROTATION_DAYS', value: '90' },
    { category: 'config-metadata', name: 'PASSWORD_PATTERN', value: '^(?=.*[A-Z])(?=.*[0-9]).{12,}$' },
    { category: 'config-metadata', name: 'API_KEY_PREFIX', value: 'sk_live_' },
    { category: 'config-metadata', name: 'SECRET_ARN', value: `arn:aws:secretsmanager:eu-west-1:${run(12, A.digits)(rng)}:secret:${word(rng)}-AbC123` },
    { category: 'config-metadata', name: 'VAULT_ADDR', value: 'https://vault.internal:8200' },
    { category: 'config-metadata', name: 'TOKEN_ENDPOINT_AUTH_METHOD', value: 'client_secret_post' },
  ]);

const encrypted: NegativeMaker = (rng) =>
  rng.pick<NegativeAssignment>([
    { category: 'encrypted', name: 'DB_PASSWORD', value: `ENC[AES256_GCM,data:${b64bytes(18)(rng)},iv:${b64bytes(32)(rng)},tag:${b64bytes(16)(rng)},type:str]` },
    { category: 'encrypted', name: 'PASSWORD', value: `ENC(${b64bytes(32)(rng)})` },
    { category: 'encrypted', name: 'API_KEY', value: `vault:v1:${b64bytes(48)(rng)}` },
    { category: 'encrypted', name: 'SECRET', value: `AQICAH${b64bytes(120)(rng)}` },
  ]);

/** Values people write in tests and demos: words and a number, said to be fake. */
const testValues: Gen = (rng) =>
  `${rng.pick(['test', 'fake', 'mock', 'dummy', 'demo', 'local', 'dev', 'stub'])}${rng.pick(['-', '_'])}${rng.pick(['token', 'password', 'secret', 'api-key', 'key', 'pass'])}${rng.pick(['-', '_', ''])}${rng.int(1, 999)}`;

/** Names that hold something else than the credential they mention. */
const notCredentials: NegativeMaker = (rng) =>
  rng.pick<NegativeAssignment>([
    { category: 'not-a-credential', name: 'CSRF_TOKEN', value: run(32, A.hex)(rng) },
    { category: 'not-a-credential', name: 'AUTHENTICITY_TOKEN', value: b64bytes(32)(rng) },
    { category: 'not-a-credential', name: 'NEXT_PAGE_TOKEN', value: b64bytes(48, true)(rng) },
    { category: 'not-a-credential', name: 'CONTINUATION_TOKEN', value: b64bytes(40)(rng) },
    { category: 'not-a-credential', name: 'TOKEN_SHA256', value: run(64, A.hex)(rng) },
    // A stored hash (`$2a$12$…`) is reported as its own low-severity kind, so it is no negative; the hasher's parameters are.
    { category: 'not-a-credential', name: 'PASSWORD_HASH_PARAMS', value: `argon2id$v=19$m=${rng.pick([19456, 65536, 262144])},t=${rng.int(2, 4)},p=${rng.int(1, 4)}` },
    { category: 'not-a-credential', name: 'SECRET_FINGERPRINT', value: run(40, A.hex)(rng) },
    { category: 'not-a-credential', name: 'COMPASS_HEADING', value: `${rng.int(0, 359)}deg` },
    { category: 'not-a-credential', name: 'BYPASS_CACHE_KEY', value: `${word(rng)}:${run(8, A.hex)(rng)}` },
    { category: 'not-a-credential', name: 'SECRETARY_EMAIL', value: `${word(rng)}@acmecorp.io` },
    { category: 'not-a-credential', name: 'TOKENIZERS', value: '0.15.2' },
  ]);

/** Assignment-shaped negatives, weighted. */
export const NEGATIVE_ASSIGNMENTS: readonly (readonly [NegativeMaker, number])[] = [
  [(rng) => ({ category: 'placeholder', name: credName(rng), value: placeholders(rng) }), 12],
  [(rng) => rng.pick(docExamples)(rng), 4],
  [(rng) => ({ category: 'bad-checksum', name: rng.pick(['GITHUB_TOKEN', 'NPM_TOKEN', 'GITLAB_TOKEN', 'JIRA_API_TOKEN', 'TOKEN']), value: rng.pick(badChecksums)(rng) }), 6],
  [(rng) => ({ category: 'variable-reference', name: credName(rng), value: references(rng) }), 14],
  [(rng) => ({ category: 'redacted', name: credName(rng), value: redacted(rng) }), 6],
  [(rng) => rng.pick(publishable)(rng), 6],
  [(rng) => ({ category: 'localhost-default', name: rng.pick(['DATABASE_URL', 'REDIS_URL', 'AMQP_URL', 'MONGO_URL', 'TEST_DB_URL']), value: localhostDefaults(rng) }), 6],
  [(rng) => rng.pick(hashes)(rng), 8],
  [uuids, 6],
  [identifiers, 6],
  [metadata, 12],
  [encrypted, 3],
  [(rng) => ({ category: 'test-value', name: credName(rng), value: testValues(rng) }), 5],
  [notCredentials, 6],
  [(rng) => ({ category: 'hand-made-jwt', name: rng.pick(['ID_TOKEN', 'ACCESS_TOKEN', 'JWT']), value: j(b64json({ alg: 'RS256', typ: 'JWT' }), '.', b64json({ sub: word(rng), iat: 1700000000 }), '.', rng.pick(['c2lnbmF0dXJl', 'signature', 'sig'])) }), 2],
];

/** Whole-line negatives per file kind (type annotations, i18n strings, code that reads secrets). */
export function negativeLine(rng: Random, kind: string): { category: string; lines: string[] } | undefined {
  const f = (category: string, ...lines: string[]): { category: string; lines: string[] } => ({ category, lines });
  switch (kind) {
    case 'ts':
    case 'js':
      return rng.pick([
        f('type-annotation', '  password: string;'),
        f('type-annotation', '  apiKey?: string | null;'),
        f('type-annotation', 'export function login(username: string, password: string): Promise<Session> {'),
        f('code-reference', 'const token = req.headers.authorization?.split(" ")[1];'),
        f('code-reference', 'const apiKey = process.env.API_KEY ?? "";'),
        f('code-reference', "  headers: { Authorization: `Bearer ${token}` },"),
        f('code-reference', 'if (password !== confirmPassword) throw new ValidationError("mismatch");'),
        f('code-reference', 'const secret = await secretsManager.getSecretValue({ SecretId: secretName }).promise();'),
        f('i18n', '  passwordTooShort: "Password must be at least 12 characters",'),
        f('code-reference', `const hashed = await bcrypt.hash(password, ${rng.int(10, 14)});`),
        f('code-reference', 'this.accessToken = response.data.access_token;'),
        f('type-annotation', '  readonly clientSecret: SecretString;'),
        f('code-reference', `const tokenKey = 'auth.token.${word(rng)}';`),
      ]);
    case 'py':
      return rng.pick([
        f('type-annotation', 'def login(username: str, password: str) -> Session:'),
        f('type-annotation', '    api_key: Optional[str] = None'),
        f('type-annotation', '    password: SecretStr'),
        f('code-reference', '    token = request.headers.get("Authorization", "").removeprefix("Bearer ")'),
        f('code-reference', 'API_KEY = os.environ["API_KEY"]'),
        f('code-reference', 'password = getpass.getpass("Password: ")'),
        f('code-reference', '    secret = client.get_secret_value(SecretId=secret_name)["SecretString"]'),
        f('code-reference', '    hashed = make_password(password)'),
        f('i18n', '    "password_help": _("Your password must contain at least 8 characters."),'),
      ]);
    case 'go':
      return rng.pick([
        f('type-annotation', '\tPassword string `json:"password" yaml:"password"`'),
        f('type-annotation', '\tAPIToken string `env:"API_TOKEN,required"`'),
        f('code-reference', '\ttoken := os.Getenv("GITHUB_TOKEN")'),
        f('code-reference', '\treq.Header.Set("Authorization", "Bearer "+token)'),
      ]);
    case 'java':
      return rng.pick([
        f('type-annotation', '    private String password;'),
        f('type-annotation', '    @Value("${spring.datasource.password}")'),
        f('code-reference', '        String apiKey = System.getenv("API_KEY");'),
        f('code-reference', '        char[] password = console.readPassword("Password: ");'),
      ]);
    case 'cs':
      return rng.pick([f('type-annotation', '        public string Password { get; set; }'), f('code-reference', '        var apiKey = Environment.GetEnvironmentVariable("API_KEY");'), f('code-reference', '        var secret = configuration["Jwt:Secret"];')]);
    case 'rb':
      return rng.pick([f('code-reference', "  token = ENV.fetch('API_TOKEN')"), f('code-reference', '  has_secure_password'), f('code-reference', '  password = Rails.application.credentials.dig(:db, :password)')]);
    case 'php':
      return rng.pick([f('code-reference', "$password = $_POST['password'] ?? '';"), f('code-reference', "    'password' => env('DB_PASSWORD'),"), f('code-reference', "$hash = password_hash($password, PASSWORD_BCRYPT);")]);
    case 'yaml':
    case 'k8s':
      return rng.pick([
        f('config-metadata', '          secretKeyRef:', '            name: db-credentials', '            key: password'),
        f('i18n', 'password_reset_subject: "Reset your password"'),
        f('type-annotation', '    password:', '      type: string', '      format: password', '      minLength: 12'),
        f('config-metadata', 'existingSecret: postgresql-auth'),
      ]);
    case 'markdown':
      return rng.pick([
        f('placeholder', 'curl -H "Authorization: Bearer $TOKEN" https://api.acmecorp.io/v1/me'),
        f('placeholder', 'docker login -u USERNAME -p PASSWORD registry.acmecorp.io'),
        f('placeholder', 'export OPENAI_API_KEY=sk-...your-key...'),
        f('html-form', `<input type="hidden" name="csrf_token" value="${run(32, A.hex)(rng)}">`),
        f('html-form', `<meta name="csrf-token" content="${b64bytes(32)(rng)}">`),
      ]);
    case 'json':
      return rng.pick([f('i18n', '  "passwordTooShort": "Password is too short",'), f('i18n', '  "enterToken": "Enter your API token",'), f('type-annotation', '  "password": { "type": "string", "minLength": 12 },'), f('i18n', '  "forgotPassword": "Passwort vergessen?",')]);
    default:
      return undefined;
  }
}

// --- Whole negative files ---------------------------------------------------------------------------

export interface NegativeFile {
  path: string;
  lines: string[];
  category: string;
}

type NegativeFileMaker = (rng: Random, n: number) => NegativeFile;

const npmIntegrity = (rng: Random): string => `sha512-${b64bytes(64)(rng)}`;
const pkgName = (rng: Random): string => rng.pick(['lodash', 'react-dom', 'express', 'zod', 'picocolors', '@babel/core', 'semver', 'debug', 'ms', 'yaml', 'chalk', 'tslib', 'undici', 'ws']);

const packageLock: NegativeFileMaker = (rng, n) => {
  const lines = ['{', `  "name": "${word(rng)}",`, '  "lockfileVersion": 3,', '  "packages": {'];
  for (let i = rng.int(20, 60); i > 0; i--) {
    const name = pkgName(rng);
    const version = `${rng.int(0, 12)}.${rng.int(0, 30)}.${rng.int(0, 20)}`;
    lines.push(`    "node_modules/${name}": {`, `      "version": "${version}",`, `      "resolved": "https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz",`, `      "integrity": "${npmIntegrity(rng)}",`, '      "license": "MIT"', '    },');
  }
  lines.push('    "": {}', '  }', '}', '');
  return { path: `apps/${word(rng)}-${n}/package-lock.json`, lines, category: 'lockfile' };
};

const yarnLock: NegativeFileMaker = (rng, n) => {
  const lines = ['# yarn lockfile v1', ''];
  for (let i = rng.int(20, 50); i > 0; i--) {
    const name = pkgName(rng);
    const version = `${rng.int(0, 12)}.${rng.int(0, 30)}.${rng.int(0, 20)}`;
    lines.push(`${name}@^${version}:`, `  version "${version}"`, `  resolved "https://registry.yarnpkg.com/${name}/-/${name.split('/').pop()}-${version}.tgz#${run(40, A.hex)(rng)}"`, `  integrity ${npmIntegrity(rng)}`, '');
  }
  return { path: `web-${n}/yarn.lock`, lines, category: 'lockfile' };
};

const goSum: NegativeFileMaker = (rng, n) => {
  const lines: string[] = [];
  for (let i = rng.int(20, 60); i > 0; i--) {
    const mod = rng.pick(['github.com/stretchr/testify', 'golang.org/x/net', 'google.golang.org/grpc', 'github.com/aws/aws-sdk-go-v2', 'go.uber.org/zap']);
    const v = `v${rng.int(0, 2)}.${rng.int(0, 60)}.${rng.int(0, 9)}`;
    lines.push(`${mod} ${v} h1:${b64bytes(32)(rng)}`, `${mod} ${v}/go.mod h1:${b64bytes(32)(rng)}`);
  }
  return { path: `svc-${n}/go.sum`, lines, category: 'lockfile' };
};

const cargoLock: NegativeFileMaker = (rng, n) => {
  const lines = ['version = 3', ''];
  for (let i = rng.int(15, 40); i > 0; i--) {
    lines.push('[[package]]', `name = "${rng.pick(['serde', 'tokio', 'rand', 'regex', 'hyper', 'anyhow'])}"`, `version = "${rng.int(0, 2)}.${rng.int(0, 40)}.${rng.int(0, 9)}"`, 'source = "registry+https://github.com/rust-lang/crates.io-index"', `checksum = "${run(64, A.hex)(rng)}"`, '');
  }
  return { path: `crates/${word(rng)}-${n}/Cargo.lock`, lines, category: 'lockfile' };
};

const poetryLock: NegativeFileMaker = (rng, n) => {
  const lines: string[] = [];
  for (let i = rng.int(10, 30); i > 0; i--) {
    const name = rng.pick(['requests', 'urllib3', 'certifi', 'idna', 'pydantic', 'boto3']);
    lines.push('[[package]]', `name = "${name}"`, `version = "${rng.int(1, 3)}.${rng.int(0, 40)}.${rng.int(0, 9)}"`, 'files = [', `    {file = "${name}-2.31.0-py3-none-any.whl", hash = "sha256:${run(64, A.hex)(rng)}"},`, ']', '');
  }
  return { path: `py-${n}/poetry.lock`, lines, category: 'lockfile' };
};

function pemBlock(label: string, rng: Random, bytes: number): string[] {
  const body = b64bytes(bytes)(rng);
  const lines = [`-----BEGIN ${label}-----`];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  lines.push(`-----END ${label}-----`);
  return lines;
}

const certificate: NegativeFileMaker = (rng, n) => ({ path: `certs/${rng.pick(['ca', 'server', 'chain', 'root'])}-${n}.crt`, lines: [...pemBlock('CERTIFICATE', rng, rng.int(700, 1400)), ''], category: 'certificate' });
const publicKey: NegativeFileMaker = (rng, n) => ({ path: `keys/${rng.pick(['signing', 'jwt', 'webhook'])}-${n}.pub.pem`, lines: [...pemBlock(rng.pick(['PUBLIC KEY', 'RSA PUBLIC KEY']), rng, 294), ''], category: 'public-key' });
const pgpPublic: NegativeFileMaker = (rng, n) => ({ path: `keys/release-${n}.asc`, lines: [...pemBlock('PGP PUBLIC KEY BLOCK', rng, 1200), ''], category: 'public-key' });

const authorizedKeys: NegativeFileMaker = (rng, n) => {
  const lines: string[] = [];
  for (let i = rng.int(2, 6); i > 0; i--) {
    if (rng.chance(0.5)) lines.push(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64bytes(32)(rng).replace(/=+$/, '')} ${word(rng)}@laptop`);
    else lines.push(`ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${b64bytes(380)(rng)} ${word(rng)}@build-${rng.int(1, 9)}`);
  }
  return { path: `ops/ssh-${n}/authorized_keys`, lines, category: 'public-key' };
};

const jwks: NegativeFileMaker = (rng, n) => ({
  path: `public/.well-known/jwks-${n}.json`,
  lines: ['{', '  "keys": [', '    {', '      "kty": "RSA",', `      "kid": "${run(16, A.b64u)(rng)}",`, '      "use": "sig",', '      "alg": "RS256",', `      "n": "${b64bytes(256, true)(rng)}",`, '      "e": "AQAB"', '    }', '  ]', '}', ''],
  category: 'public-key',
});

const dataUris: NegativeFileMaker = (rng, n) => {
  const lines: string[] = [];
  for (let i = rng.int(3, 8); i > 0; i--) {
    const mime = rng.pick(['image/png', 'image/svg+xml', 'font/woff2', 'image/gif']);
    lines.push(`.${word(rng)}-icon { background-image: url(data:${mime};base64,${b64bytes(rng.int(200, 1200))(rng)}); }`);
  }
  return { path: `static/css/${word(rng)}-${n}.css`, lines, category: 'data-uri' };
};

/** Minified bundles: long lines full of identifiers, property names like token/password/secret. */
const minified: NegativeFileMaker = (rng, n) => {
  const pieces: string[] = [];
  const id = (): string => run(rng.int(1, 2), A.lower)(rng);
  for (let i = rng.int(200, 500); i > 0; i--) {
    pieces.push(
      rng.pick([
        `function ${id()}(${id()},${id()}){return ${id()}.${rng.pick(['token', 'password', 'secret', 'apiKey', 'accessToken'])}||${id()}}`,
        `var ${id()}=${rng.int(0, 99999)},${id()}="${rng.pick(['Authorization', 'Bearer ', 'x-api-key', 'password', 'token'])}"`,
        `${id()}.headers.Authorization="Bearer "+${id()}.token`,
        `if(!${id()}.password)throw new Error("password required")`,
        `${id()}=${id()}.apiKey?{key:${id()}.apiKey}:{}`,
        `case"${rng.pick(['token', 'secret', 'refresh'])}":return ${id()}(${id()})`,
        `${id()}.prototype.${rng.pick(['setToken', 'getSecret', 'setPassword'])}=function(${id()}){this._${rng.pick(['token', 'secret', 'pass'])}=${id()}}`,
        `"${run(rng.int(8, 24), A.b62)(rng)}"`,
        `${id()}[${rng.int(0, 500)}]=${id()}`,
        `password:${id()}.password,token:${id()}.token`,
        `{type:"password",name:"password",autocomplete:"current-password"}`,
        `var ${id()}="sha512-${b64bytes(64)(rng)}"`,
      ]),
    );
  }
  const text = pieces.join(';');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += rng.int(2000, 30000)) lines.push(text.slice(i, i + 30000));
  return { path: `public/assets/${word(rng)}-${run(8, A.hex)(rng)}.min.js`.replace('.min.js', `-${n}.min.js`), lines, category: 'minified' };
};

const i18n: NegativeFileMaker = (rng, n) => {
  const yaml = rng.chance(0.5);
  const entries: [string, string][] = [
    ['password', 'Password'],
    ['password_hint', 'At least 12 characters, one number and one symbol'],
    ['forgot_password', 'Forgot your password?'],
    ['reset_password', 'Reset password'],
    ['password_mismatch', "Passwords don't match"],
    ['api_token_label', 'API token'],
    ['api_token_help', 'Paste the token from your account settings'],
    ['secret_key_warning', 'Keep your secret key private'],
    ['token_expired', 'Your session token has expired. Sign in again.'],
    ['contrasena', 'Introduzca su contraseña'],
    ['passwort', 'Passwort vergessen?'],
    ['mot_de_passe', 'Mot de passe oublié ?'],
    ['password_strength_weak', 'Weak'],
    ['passwordPlaceholder', 'Enter your password'],
    ['tokenCopied', 'Token copied to clipboard'],
  ];
  const lines = yaml ? ['en:', '  auth:'] : ['{'];
  for (const [k, v] of entries) lines.push(yaml ? `    ${k}: "${v}"` : `  "${k}": ${JSON.stringify(v)},`);
  if (!yaml) lines.push('  "done": "Done"', '}');
  lines.push('');
  return { path: `locales/${rng.pick(['en', 'de', 'es', 'fr'])}-${n}.${yaml ? 'yml' : 'json'}`, lines, category: 'i18n' };
};

const sqlSchema: NegativeFileMaker = (rng, n) => ({
  path: `db/migrations/${rng.int(2019, 2026)}${rng.int(10, 12)}${rng.int(10, 28)}_${n}_users.sql`,
  lines: ['CREATE TABLE users (', '  id BIGSERIAL PRIMARY KEY,', '  email TEXT NOT NULL UNIQUE,', '  password_hash VARCHAR(255) NOT NULL,', '  api_token_digest CHAR(64),', '  reset_password_token VARCHAR(64),', '  created_at TIMESTAMPTZ NOT NULL DEFAULT now()', ');', ''],
  category: 'type-annotation',
});

const openapi: NegativeFileMaker = (rng, n) => ({
  path: `api/openapi-${n}.yaml`,
  lines: ['components:', '  securitySchemes:', '    ApiKeyAuth:', '      type: apiKey', '      in: header', '      name: X-API-Key', '    BearerAuth:', '      type: http', '      scheme: bearer', '      bearerFormat: JWT', '  schemas:', '    Login:', '      properties:', '        password:', '          type: string', '          format: password', `        token:`, '          type: string', `          example: ${rng.pick(['"<token>"', '"string"', 'abc123'])}`, ''],
  category: 'type-annotation',
});

const ansibleVault: NegativeFileMaker = (rng, n) => {
  const lines = ['$ANSIBLE_VAULT;1.1;AES256'];
  for (let i = rng.int(8, 20); i > 0; i--) lines.push(run(80, A.hex)(rng));
  lines.push('');
  return { path: `ansible/group_vars/${word(rng)}-${n}/vault.yml`, lines, category: 'encrypted' };
};

const sealedSecret: NegativeFileMaker = (rng, n) => ({
  path: `k8s/sealed/${word(rng)}-${n}.yaml`,
  lines: ['apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'metadata:', `  name: ${word(rng)}`, 'spec:', '  encryptedData:', `    password: Ag${b64bytes(rng.int(500, 700))(rng)}`, `    api-token: Ag${b64bytes(rng.int(500, 700))(rng)}`, ''],
  category: 'encrypted',
});

const testFixture: NegativeFileMaker = (rng, n) => ({
  path: `test/fixtures/${word(rng)}-${n}.json`,
  lines: ['[', ...Array.from({ length: rng.int(10, 30) }, () => `  { "id": "${uuid(rng)}", "sku": "${run(10, A.ub36)(rng)}", "hash": "${run(40, A.hex)(rng)}", "ref": "${run(20, A.b62)(rng)}" },`), '  {}', ']', ''],
  category: 'identifier',
});

/** Bundles that embed binary assets as base64 (fonts, images, WebAssembly) and base64url blobs. */
const embeddedAssets: NegativeFileMaker = (rng, n) => {
  const lines: string[] = [];
  for (let i = rng.int(2, 5); i > 0; i--) {
    const kind = rng.int(0, 2);
    if (kind === 0) lines.push(`const font${i} = "data:font/woff2;base64,${b64bytes(rng.int(4000, 12000))(rng)}";`);
    else if (kind === 1) lines.push(`const wasm${i} = "AGFzbQEAAAAB${b64bytes(rng.int(4000, 12000))(rng)}";`);
    else lines.push(`export const state${i} = "${b64bytes(rng.int(2000, 6000), true)(rng)}";`);
  }
  return { path: `dist/assets/${word(rng)}-${run(8, A.hex)(rng)}-${n}.js`, lines, category: 'embedded-binary' };
};

/** Hex dumps and digests in test vectors. */
const hexDump: NegativeFileMaker = (rng, n) => {
  const lines: string[] = [];
  for (let i = rng.int(20, 60); i > 0; i--) lines.push(`${(i * 16).toString(16).padStart(8, '0')}: ${Array.from({ length: 8 }, () => run(4, A.hex)(rng)).join(' ')}`);
  lines.push(`expected_sha256 = "${run(64, A.hex)(rng)}"`, `expected_hmac = "${run(64, A.hex)(rng)}"`, '');
  return { path: `test/vectors/${word(rng)}-${n}.txt`, lines, category: 'hash' };
};

export const NEGATIVE_FILES: readonly (readonly [NegativeFileMaker, number])[] = [
  [embeddedAssets, 3],
  [hexDump, 2],
  [packageLock, 3],
  [yarnLock, 2],
  [goSum, 2],
  [cargoLock, 1],
  [poetryLock, 1],
  [certificate, 3],
  [publicKey, 2],
  [pgpPublic, 1],
  [authorizedKeys, 2],
  [jwks, 1],
  [dataUris, 2],
  [minified, 2],
  [i18n, 3],
  [sqlSchema, 1],
  [openapi, 1],
  [ansibleVault, 1],
  [sealedSecret, 1],
  [testFixture, 2],
];

export { oneOf, cat };
