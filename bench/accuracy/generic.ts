/**
 * Credentials without a provider prefix — passwords and shared secrets assigned to credential-like
 * names, passed on command lines and in headers, embedded in URLs and connection strings — and the
 * well-known credential files that hold them (.netrc, .pgpass, .npmrc, Docker config, wp-config,
 * htpasswd, FileZilla, .git-credentials, .s3cfg, kubeconfig, Kubernetes Secrets, PEM files,
 * service-account JSON, Maven settings, AWS credential files).
 */
import type { Random } from '../lib/random.js';
import { CREDENTIALS, type CredentialKind, ecKey, pkcs8Key, rsaKey } from './credentials.js';
import { A, b64bytes, cat, crc62, type Gen, oneOf, password, run, uuid } from './gen.js';

/** Generic values count as found by any rule of the generic family (or the named database rule). */
export const GENERIC = 'generic';

const word = (rng: Random): string => rng.pick(['orders', 'billing', 'ledger', 'search', 'catalog', 'payments', 'reports', 'identity', 'shipping']);
const user = (rng: Random): string => rng.pick(['deploy', 'svc_app', 'ci-bot', 'app_user', 'reporting', 'admin_ops', 'etl', 'backup', 'grafana', 'jenkins']);
const host = (rng: Random, suffix = ''): string =>
  `${rng.pick(['db', 'pg', 'mysql', 'mq', 'cache', 'search', 'ldap', 'mail', 'ftp', 'git', 'nexus'])}${suffix}-${rng.int(1, 9)}.${rng.pick(['prod', 'corp-int', 'eu-west-1', 'dc2'])}.${rng.pick(['acmecorp.io', 'globex.net', 'initech.cloud'])}`;

/** A URL-safe password (no `@ : / ? #`), as people put in connection strings. */
const urlPassword: Gen = (rng) => {
  const pick = rng.int(0, 2);
  if (pick === 0) return run([14, 24], A.b62)(rng);
  if (pick === 1) return run([12, 20], A.b62 + '!*._~-')(rng);
  return run([16, 32], A.b62)(rng);
};

/** Django-style secret keys: 50 characters of lower case, digits and punctuation. */
const djangoKey: Gen = run(50, 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)');

export const GENERIC_ASSIGNMENTS: readonly CredentialKind[] = [
  {
    rule: GENERIC,
    names: ['DB_PASSWORD', 'PASSWORD', 'ADMIN_PASSWORD', 'SMTP_PASSWORD', 'REDIS_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'POSTGRES_PASSWORD', 'LDAP_BIND_PASSWORD', 'KEYSTORE_PASSWORD', 'DB_PASS', 'MAIL_PASSWORD', 'RABBITMQ_DEFAULT_PASS', 'PASSWD', 'SFTP_PASSWORD', 'ELASTIC_PASSWORD'],
    make: password,
    weight: 14,
  },
  { rule: GENERIC, names: ['SECRET_KEY', 'JWT_SECRET', 'SESSION_SECRET', 'COOKIE_SECRET', 'APP_SECRET', 'SIGNING_SECRET', 'WEBHOOK_SECRET', 'HMAC_SECRET', 'CSRF_SECRET'], make: oneOf(run([32, 64], A.b62), run(64, A.hex), b64bytes(32)), weight: 8 },
  { rule: GENERIC, names: ['CLIENT_SECRET', 'OAUTH_CLIENT_SECRET', 'CONSUMER_SECRET', 'API_SECRET'], make: oneOf(run([32, 48], A.b62), run([30, 40], A.b64u)), weight: 5 },
  { rule: GENERIC, names: ['API_KEY', 'APIKEY', 'SERVICE_API_KEY', 'PARTNER_API_KEY', 'X_API_KEY'], make: oneOf(run(32, A.hex), run([24, 40], A.b62), uuid), weight: 6 },
  { rule: GENERIC, names: ['ACCESS_TOKEN', 'AUTH_TOKEN', 'API_TOKEN', 'PRIVATE_TOKEN', 'BEARER_TOKEN', 'SERVICE_TOKEN', 'REFRESH_TOKEN'], make: oneOf(run([32, 64], A.b62), run(40, A.hex), run([40, 60], A.b64u)), weight: 6 },
  { rule: GENERIC, names: ['ENCRYPTION_KEY', 'MASTER_KEY', 'AES_KEY', 'DATA_KEY'], make: oneOf(b64bytes(32), run(64, A.hex)), weight: 3 },
  { rule: GENERIC, names: ['SECRET_KEY_BASE'], make: run(128, A.hex), weight: 1 },
  { rule: GENERIC, names: ['APP_KEY'], make: cat('base64:', b64bytes(32)), weight: 1 },
  { rule: GENERIC, names: ['DJANGO_SECRET_KEY', 'SECRET_KEY'], make: djangoKey, weight: 2 },
  { rule: GENERIC, names: ['CREDENTIALS', 'SERVICE_CREDENTIALS'], make: (rng) => `${user(rng)}:${urlPassword(rng)}`, weight: 1 },
];

/** Connection URLs and strings with a password, by the rule that owns the scheme. */
export const CONNECTION_STRINGS: readonly CredentialKind[] = [
  { rule: 'postgres-connection-uri', names: ['DATABASE_URL', 'POSTGRES_URL', 'PG_DSN'], make: (rng) => `${rng.pick(['postgres', 'postgresql', 'postgresql+asyncpg'])}://${user(rng)}:${urlPassword(rng)}@${host(rng)}:5432/${word(rng)}${rng.pick(['', '?sslmode=require'])}`, weight: 4 },
  { rule: 'mysql-connection-uri', names: ['DATABASE_URL', 'MYSQL_URL'], make: (rng) => `${rng.pick(['mysql', 'mysql+pymysql', 'mariadb'])}://${user(rng)}:${urlPassword(rng)}@${host(rng)}:3306/${word(rng)}`, weight: 2 },
  { rule: 'mongodb-connection-uri', names: ['MONGO_URL', 'MONGODB_URI'], make: (rng) => `${rng.pick(['mongodb', 'mongodb+srv'])}://${user(rng)}:${urlPassword(rng)}@${rng.pick(['cluster0.ab1cd.mongodb.net', host(rng)])}/${word(rng)}?retryWrites=true&w=majority`, weight: 3 },
  { rule: 'redis-connection-uri', names: ['REDIS_URL', 'CACHE_URL'], make: (rng) => `${rng.pick(['redis', 'rediss'])}://${rng.pick(['', 'default'])}:${urlPassword(rng)}@${host(rng)}:6379/0`, weight: 2 },
  { rule: 'amqp-connection-uri', names: ['AMQP_URL', 'CELERY_BROKER_URL'], make: (rng) => `${rng.pick(['amqp', 'amqps'])}://${user(rng)}:${urlPassword(rng)}@${host(rng)}:5672/${word(rng)}` },
  { rule: 'mssql-connection-uri', names: ['DATABASE_URL'], make: (rng) => `mssql+pyodbc://${user(rng)}:${urlPassword(rng)}@${host(rng)}:1433/${word(rng)}?driver=ODBC+Driver+18+for+SQL+Server` },
  { rule: 'oracle-connection-uri', names: ['DATABASE_URL'], make: (rng) => `oracle+cx_oracle://${user(rng)}:${urlPassword(rng)}@${host(rng)}:1521/?service_name=${word(rng).toUpperCase()}` },
  { rule: 'oracle-jdbc-thin-password', names: ['SPRING_DATASOURCE_URL', 'JDBC_URL'], make: (rng) => `jdbc:oracle:thin:${rng.pick(['ledger', 'app_owner', 'etl', 'reporting'])}/${run([12, 18], A.b62)(rng)}@${host(rng)}:1521/${word(rng).toUpperCase()}` },
  { rule: 'clickhouse-connection-uri', names: ['CLICKHOUSE_URL'], make: (rng) => `clickhouse://${user(rng)}:${urlPassword(rng)}@${host(rng)}:9000/events` },
  { rule: 'cockroachdb-connection-uri', names: ['DATABASE_URL'], make: (rng) => `cockroachdb://${user(rng)}:${urlPassword(rng)}@free-tier14.aws-us-east-1.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full` },
  { rule: 'neo4j-connection-uri', names: ['NEO4J_URI'], make: (rng) => `neo4j+s://neo4j:${urlPassword(rng)}@${run(8, A.b36)(rng)}.databases.neo4j.io:7687` },
  { rule: 'couchbase-connection-uri', names: ['COUCHBASE_URL'], make: (rng) => `couchbases://${user(rng)}:${urlPassword(rng)}@cb.${run(6, A.b36)(rng)}.cloud.couchbase.com` },
  { rule: 'snowflake-connection-uri', names: ['SNOWFLAKE_URL'], make: (rng) => `snowflake://${user(rng)}:${urlPassword(rng)}@ab${rng.int(10000, 99999)}.eu-west-1/analytics/public?warehouse=load_wh` },
  { rule: 'elasticsearch-connection-uri', names: ['ELASTICSEARCH_URL'], make: (rng) => `https://elastic:${urlPassword(rng)}@${word(rng)}-prod.es.eu-west-1.aws.found.io:9243` },
  {
    rule: 'jdbc-password-parameter',
    names: ['SPRING_DATASOURCE_URL', 'JDBC_URL'],
    make: (rng) => `jdbc:sqlserver://${host(rng)}:1433;databaseName=${word(rng)};user=${user(rng)};password=${urlPassword(rng)};encrypt=true`,
  },
  {
    rule: 'adonet-connection-string-password',
    names: ['CONNECTION_STRING', 'DEFAULT_CONNECTION'],
    make: (rng) => `Server=tcp:${word(rng)}-sql.database.windows.net,1433;Initial Catalog=${word(rng)};User ID=${user(rng)};Password=${urlPassword(rng)};Encrypt=True;`,
    weight: 2,
  },
  { rule: 'postgres-keyvalue-password', names: ['PG_CONN'], make: (rng) => `host=${host(rng)} port=5432 dbname=${word(rng)} user=${user(rng)} password=${urlPassword(rng)} sslmode=require` },
  { rule: GENERIC, also: ['generic-url-credentials'], names: ['FTP_URL', 'SMTP_URL', 'LDAP_URL', 'REGISTRY_URL', 'GIT_REMOTE'], make: (rng) => `${rng.pick(['ftp', 'sftp', 'smtp', 'smtps', 'ldap', 'https', 'git+https'])}://${user(rng)}:${urlPassword(rng)}@${host(rng)}/${word(rng)}`, weight: 3 },
];

const SHELLISH = ['shell', 'markdown', 'workflow', 'dockerfile'] as const;

/** Credentials on command lines and in HTTP headers. */
export const GENERIC_LINES: readonly CredentialKind[] = [
  { rule: GENERIC, names: [], make: urlPassword, line: (v, rng) => `docker login --username ${user(rng)} --password ${v} registry.${host(rng)}`, lineFiles: SHELLISH },
  { rule: GENERIC, names: [], make: run([32, 48], A.b62), line: (v, rng) => `${rng.pick(['vault-cli', 'deployctl', 'terraform-cloud'])} --token=${v} ${rng.pick(['deploy', 'apply', 'sync'])}`, lineFiles: SHELLISH },
  { rule: GENERIC, names: [], make: urlPassword, line: (v, rng) => `${rng.pick(['mysqldump', 'mysql'])} -h ${host(rng)} -u ${user(rng)} -p${v} ${word(rng)} > dump.sql`, lineFiles: SHELLISH },
  { rule: GENERIC, names: [], make: run([32, 48], A.b62), line: (v, rng) => `curl -H "Authorization: Bearer ${v}" https://${host(rng)}/v1/${word(rng)}`, lineFiles: SHELLISH, weight: 3 },
  { rule: GENERIC, names: [], make: (rng) => Buffer.from(`${user(rng)}:${urlPassword(rng)}`).toString('base64'), line: (v, rng) => `curl -H 'Authorization: Basic ${v}' https://${host(rng)}/api/${word(rng)}`, lineFiles: SHELLISH, weight: 2 },
  { rule: GENERIC, names: [], make: run([24, 40], A.b62), line: (v, rng) => `curl -H "X-Api-Key: ${v}" https://${host(rng)}/v2/${word(rng)}`, lineFiles: SHELLISH, weight: 2 },
  { rule: GENERIC, names: [], make: urlPassword, line: (v, rng) => `curl -u ${user(rng)}:${v} https://${host(rng)}/artifactory/api/${word(rng)}`, lineFiles: SHELLISH, weight: 2 },
  { rule: GENERIC, names: [], make: urlPassword, line: (v, rng) => `git clone https://${user(rng)}:${v}@${host(rng)}/platform/${word(rng)}.git`, lineFiles: SHELLISH, weight: 2 },
  { rule: GENERIC, names: [], make: run([32, 48], A.b62), line: (v, rng) => `    headers = {"Authorization": "Bearer ${v}", "Accept": "application/json"}  # ${word(rng)}`, lineFiles: ['py'] },
  { rule: GENERIC, names: [], make: run([32, 48], A.b62), line: (v) => `  headers: { Authorization: 'Bearer ${v}' },`, lineFiles: ['ts', 'js'] },
  { rule: GENERIC, names: [], make: urlPassword, line: (v, rng) => `    <password>${v}</password>  <!-- ${word(rng)} -->`, lineFiles: ['xml'] },
  { rule: GENERIC, names: [], make: urlPassword, line: (v, rng) => `docker login -u ${user(rng)} -p ${v} registry.${host(rng)}`, lineFiles: SHELLISH },
  { rule: GENERIC, names: [], make: urlPassword, line: (v, rng) => `sshpass -p '${v}' ssh ${user(rng)}@${host(rng)}`, lineFiles: SHELLISH, weight: 0.5 },
  // Secrets in URL query strings.
  { rule: GENERIC, names: [], make: run([32, 40], A.b62), line: (v, rng) => `curl -s "https://${host(rng)}/v1/${word(rng)}?${rng.pick(['api_key', 'apikey', 'access_token', 'token'])}=${v}&format=json"`, lineFiles: SHELLISH, weight: 2 },
  { rule: GENERIC, names: [], make: run(32, A.hex), line: (v, rng) => `const url = \`https://${host(rng)}/export?${rng.pick(['api_key', 'access_token', 'key'])}=${v}&limit=100\`;`, lineFiles: ['ts', 'js'] },
  // Credentials passed positionally to a login or auth call.
  { rule: GENERIC, names: [], make: password, line: (v, rng) => `    resp = requests.get(url, auth=("${user(rng)}", "${v}"), timeout=10)`, lineFiles: ['py'], weight: 2 },
  { rule: GENERIC, names: [], make: password, line: (v, rng) => `    server.login("${user(rng)}@${host(rng)}", "${v}")`, lineFiles: ['py'] },
  { rule: GENERIC, names: [], make: password, line: (v, rng) => `        Connection conn = DriverManager.getConnection(jdbcUrl, "${user(rng)}", "${v}");`, lineFiles: ['java'] },
  { rule: GENERIC, names: [], make: password, line: (v, rng) => `  auth: { username: '${user(rng)}', password: '${v}' },`, lineFiles: ['ts', 'js'] },
  // SQL that sets a password.
  { rule: GENERIC, names: [], make: urlPassword, line: (v, rng) => rng.pick([`CREATE USER ${user(rng).replace('-', '_')} WITH PASSWORD '${v}';`, `ALTER USER ${user(rng).replace('-', '_')} WITH ENCRYPTED PASSWORD '${v}';`, `CREATE USER '${user(rng)}'@'%' IDENTIFIED BY '${v}';`]), lineFiles: ['sql'], weight: 3 },
  // PowerShell: a plain-text password turned into a SecureString.
  { rule: GENERIC, names: [], make: password, line: (v) => `$secure = ConvertTo-SecureString '${v.replace(/'/g, "''")}' -AsPlainText -Force`, lineFiles: ['ps1'] },
  // A passphrase of lower-case words: hard to tell from a label, expected to be missed by heuristics.
  { rule: GENERIC, names: [], make: (rng) => Array.from({ length: rng.int(4, 5) }, () => rng.pick(['orbit', 'velvet', 'cactus', 'harbor', 'lantern', 'glacier', 'pepper', 'mosaic', 'tundra', 'violet', 'ember', 'quarry'])).join('-'), line: (v) => `passphrase: ${v}`, lineFiles: ['markdown'], weight: 0.5 },
];

// --- Credential files ---------------------------------------------------------------------------

export interface SpecialLabel {
  /** 0-based line index in the file. */
  at: number;
  end: number;
  rule: string;
  also?: readonly string[];
}

export interface SpecialFile {
  path: string;
  lines: string[];
  positives: SpecialLabel[];
  /** Lines holding hard negatives, with their category. */
  negatives: { at: number; category: string }[];
}

/** Builds one credential file; `n` makes its path unique. */
export type SpecialFileMaker = (rng: Random, n: number) => SpecialFile;

function pickCredential(rng: Random, rule: string): CredentialKind {
  const kind = CREDENTIALS.find((c) => c.rule === rule);
  if (!kind) throw new Error(`no credential kind for ${rule}`);
  return kind;
}

const netrc: SpecialFileMaker = (rng, n) => {
  const lines: string[] = [];
  const positives: SpecialLabel[] = [];
  const negatives: { at: number; category: string }[] = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const machine = host(rng);
    if (rng.chance(0.2)) {
      lines.push(`machine ${machine} login ${user(rng)} password $NETRC_PASSWORD`);
      negatives.push({ at: lines.length - 1, category: 'variable-reference' });
    } else if (rng.chance(0.5)) {
      lines.push(`machine ${machine} login ${user(rng)} password ${urlPassword(rng)}`);
      positives.push({ at: lines.length - 1, end: lines.length - 1, rule: GENERIC });
    } else {
      lines.push(`machine ${machine}`, `  login ${user(rng)}`, `  password ${urlPassword(rng)}`);
      positives.push({ at: lines.length - 1, end: lines.length - 1, rule: GENERIC });
    }
  }
  return { path: `home/${user(rng)}${n}/.netrc`, lines, positives, negatives };
};

const pgpass: SpecialFileMaker = (rng, n) => {
  const lines = ['# hostname:port:database:username:password'];
  const positives: SpecialLabel[] = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    lines.push(`${rng.pick([host(rng), '*'])}:${rng.pick(['5432', '*', '5433'])}:${rng.pick([word(rng), '*'])}:${user(rng)}:${urlPassword(rng)}`);
    positives.push({ at: lines.length - 1, end: lines.length - 1, rule: GENERIC });
  }
  return { path: `home/${user(rng)}${n}/.pgpass`, lines, positives, negatives: [] };
};

const npmrc: SpecialFileMaker = (rng, n) => {
  const lines = [`registry=https://registry.npmjs.org/`, `@acme:registry=https://npm.${host(rng)}/`];
  const positives: SpecialLabel[] = [];
  const negatives: { at: number; category: string }[] = [];
  const form = rng.int(0, 4);
  if (form === 0) {
    lines.push(`//registry.npmjs.org/:_authToken=${crc62('npm_')(rng)}`);
    positives.push({ at: 2, end: 2, rule: 'npm-access-token' });
  } else if (form === 1) {
    lines.push(`//npm.${host(rng)}/:_auth=${Buffer.from(`${user(rng)}:${urlPassword(rng)}`).toString('base64')}`);
    positives.push({ at: 2, end: 2, rule: GENERIC, also: ['npmrc-basic-auth'] });
  } else if (form === 2) {
    lines.push(`//npm.${host(rng)}/:username=${user(rng)}`, `//npm.${host(rng)}/:_password=${Buffer.from(urlPassword(rng)).toString('base64')}`);
    positives.push({ at: 3, end: 3, rule: GENERIC, also: ['npmrc-basic-auth'] });
  } else if (form === 3) {
    lines.push(`//${host(rng)}/artifactory/api/npm/npm-virtual/:_authToken=${run(64, A.b64u)(rng)}`);
    positives.push({ at: 2, end: 2, rule: 'npm-registry-auth-token', also: [GENERIC] });
  } else {
    lines.push('//registry.npmjs.org/:_authToken=${NPM_TOKEN}');
    negatives.push({ at: 2, category: 'variable-reference' });
  }
  lines.push('always-auth=true', '');
  return { path: `${rng.pick(['', 'packages/web/', 'ci/'])}.npmrc.${n}`.replace(/\.npmrc\.(\d+)$/, '$1/.npmrc'), lines, positives, negatives };
};

const dockerConfig: SpecialFileMaker = (rng, n) => {
  const entries: string[] = [];
  const count = rng.int(1, 2);
  for (let i = 0; i < count; i++) {
    const secret = rng.chance(0.5) ? urlPassword(rng) : cat('dckr_pat_', run(27, A.b64u))(rng);
    entries.push(`    "${rng.pick(['https://index.docker.io/v1/', `registry.${host(rng)}`, 'ghcr.io'])}": {`, `      "auth": "${Buffer.from(`${user(rng)}:${secret}`).toString('base64')}"`, `    }${i < count - 1 ? ',' : ''}`);
  }
  const lines = ['{', '  "auths": {', ...entries, '  },', '  "credsStore": "desktop"', '}', ''];
  const positives = lines.flatMap((l, i) => (l.includes('"auth":') ? [{ at: i, end: i, rule: 'docker-registry-config-auth', also: ['docker-hub-personal-access-token', GENERIC] }] : []));
  return { path: `ci/docker-${n}/config.json`, lines, positives, negatives: [] };
};

const wpConfig: SpecialFileMaker = (rng, n) => {
  const salt = run(64, A.b62 + '!@#%^*()-_[]{}<>~+=,.;:/?|')
  const lines = ['<?php', `define( 'DB_NAME', '${word(rng)}' );`, `define( 'DB_USER', '${user(rng)}' );`, `define( 'DB_PASSWORD', '${urlPassword(rng)}' );`, "define( 'DB_HOST', 'localhost' );"];
  const positives: SpecialLabel[] = [{ at: 3, end: 3, rule: GENERIC }];
  for (const key of ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY']) {
    lines.push(`define( '${key}', '${salt(rng).replace(/'/g, '"')}' );`);
    positives.push({ at: lines.length - 1, end: lines.length - 1, rule: GENERIC });
  }
  lines.push("$table_prefix = 'wp_';", "require_once ABSPATH . 'wp-settings.php';", '');
  return { path: `wordpress-${n}/wp-config.php`, lines, positives, negatives: [] };
};

const htpasswd: SpecialFileMaker = (rng, n) => {
  const lines: string[] = [];
  const positives: SpecialLabel[] = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const form = rng.int(0, 2);
    if (form === 0) lines.push(`${user(rng)}:$apr1$${run(8, A.b62)(rng)}$${run(22, A.b62 + './')(rng)}`);
    else if (form === 1) lines.push(`${user(rng)}:$2y$${rng.pick(['05', '10', '12'])}$${run(53, A.b62 + './')(rng)}`);
    else lines.push(`${user(rng)}:{SHA}${b64bytes(20)(rng)}`);
    positives.push({ at: lines.length - 1, end: lines.length - 1, rule: GENERIC });
  }
  return { path: `deploy/nginx-${n}/.htpasswd`, lines, positives, negatives: [] };
};

const filezilla: SpecialFileMaker = (rng, n) => {
  const plain = rng.chance(0.5);
  const secret = urlPassword(rng);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<FileZilla3 version="3.66.1" platform="windows">',
    '  <Servers>',
    '    <Server>',
    `      <Host>${host(rng)}</Host>`,
    '      <Port>21</Port>',
    `      <User>${user(rng)}</User>`,
    plain ? `      <Pass>${secret}</Pass>` : `      <Pass encoding="base64">${Buffer.from(secret).toString('base64')}</Pass>`,
    '    </Server>',
    '  </Servers>',
    '</FileZilla3>',
    '',
  ];
  return { path: `ops/filezilla-${n}/sitemanager.xml`, lines, positives: [{ at: 7, end: 7, rule: GENERIC }], negatives: [] };
};

const gitCredentials: SpecialFileMaker = (rng, n) => {
  const lines: string[] = [];
  const positives: SpecialLabel[] = [];
  for (let i = rng.int(1, 2); i > 0; i--) {
    if (rng.chance(0.5)) {
      lines.push(`https://${user(rng)}:${crc62('ghp_')(rng)}@github.com`);
      positives.push({ at: lines.length - 1, end: lines.length - 1, rule: 'github-classic-pat' });
    } else {
      lines.push(`https://${user(rng)}:${urlPassword(rng)}@${host(rng)}`);
      positives.push({ at: lines.length - 1, end: lines.length - 1, rule: GENERIC });
    }
  }
  return { path: `home/${user(rng)}${n}/.git-credentials`, lines, positives, negatives: [] };
};

const s3cfg: SpecialFileMaker = (rng, n) => {
  const key = pickCredential(rng, 'aws-access-key-id').make(rng);
  const lines = ['[default]', `access_key = ${key}`, `secret_key = ${run(40, A.b64)(rng)}`, 'host_base = s3.amazonaws.com', 'use_https = True', ''];
  return {
    path: `home/${user(rng)}${n}/.s3cfg`,
    lines,
    positives: [
      { at: 1, end: 1, rule: 'aws-access-key-id' },
      { at: 2, end: 2, rule: 'aws-secret-access-key', also: [GENERIC] },
    ],
    negatives: [],
  };
};

const awsCredentials: SpecialFileMaker = (rng, n) => {
  const lines = ['[default]', `aws_access_key_id = ${pickCredential(rng, 'aws-access-key-id').make(rng)}`, `aws_secret_access_key = ${run(40, A.b64)(rng)}`, '', '[ci]', 'credential_process = aws-vault exec ci --json', 'region = eu-west-1', ''];
  return {
    path: `home/${user(rng)}${n}/.aws/credentials`,
    lines,
    positives: [
      { at: 1, end: 1, rule: 'aws-access-key-id' },
      { at: 2, end: 2, rule: 'aws-secret-access-key' },
    ],
    negatives: [{ at: 5, category: 'config-metadata' }],
  };
};

const awsCsv: SpecialFileMaker = (rng, n) => {
  const lines = ['User name,Access key ID,Secret access key', `${user(rng)},${pickCredential(rng, 'aws-access-key-id').make(rng)},${run(40, A.b64)(rng)}`, ''];
  return { path: `downloads/${user(rng)}_accessKeys_${n}.csv`, lines, positives: [{ at: 1, end: 1, rule: 'aws-secret-access-key-pair', also: ['aws-access-key-id'] }], negatives: [] };
};

const jwtLike = (rng: Random): string => pickCredential(rng, 'jwt').make(rng);

const kubeconfig: SpecialFileMaker = (rng, n) => {
  const useToken = rng.chance(0.5);
  const lines = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${Buffer.from(['-----BEGIN CERTIFICATE-----', b64bytes(600)(rng), '-----END CERTIFICATE-----'].join('\n')).toString('base64')}`,
    `    server: https://${host(rng)}:6443`,
    `  name: ${word(rng)}`,
    'users:',
    `- name: ${user(rng)}`,
    '  user:',
  ];
  const positives: SpecialLabel[] = [];
  if (useToken) {
    lines.push(`    token: ${rng.chance(0.5) ? jwtLike(rng) : run(40, A.b62)(rng)}`);
    positives.push({ at: lines.length - 1, end: lines.length - 1, rule: 'jwt', also: [GENERIC] });
  } else {
    lines.push(`    client-certificate-data: ${Buffer.from(['-----BEGIN CERTIFICATE-----', b64bytes(600)(rng), '-----END CERTIFICATE-----'].join('\n')).toString('base64')}`);
    lines.push(`    client-key-data: ${Buffer.from(rng.chance(0.5) ? rsaKey(rng) : ecKey(rng)).toString('base64')}`);
    positives.push({ at: lines.length - 1, end: lines.length - 1, rule: 'private-key-rsa', also: ['private-key-ec'] });
  }
  lines.push('');
  return { path: `ops/kube-${n}/config`, lines, positives, negatives: [{ at: 4, category: 'certificate' }] };
};

/** A Kubernetes Secret: base64 `data:` values (provider tokens and passwords) or plain `stringData:`. */
const k8sSecret: SpecialFileMaker = (rng, n) => {
  const encoded = rng.chance(0.7);
  const lines = ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${word(rng)}-credentials`, `  namespace: ${word(rng)}`, 'type: Opaque', encoded ? 'data:' : 'stringData:'];
  const positives: SpecialLabel[] = [];
  const negatives: { at: number; category: string }[] = [];
  const enc = (v: string): string => (encoded ? Buffer.from(v).toString('base64') : JSON.stringify(v));
  lines.push(`  username: ${enc(user(rng))}`);
  for (let i = rng.int(1, 3); i > 0; i--) {
    const choice = rng.int(0, 3);
    if (choice === 0) {
      const kind = rng.pick(CREDENTIALS.filter((c) => !c.context && !c.multiline && !c.line));
      lines.push(`  ${rng.pick(kind.names.length > 0 ? kind.names : ['TOKEN'])}: ${enc(kind.make(rng))}`);
      positives.push({ at: lines.length - 1, end: lines.length - 1, rule: kind.rule, also: kind.also });
    } else if (choice === 1) {
      lines.push(`  ${rng.pick(['password', 'DB_PASSWORD', 'redis-password', 'admin-password'])}: ${enc(password(rng))}`);
      positives.push({ at: lines.length - 1, end: lines.length - 1, rule: GENERIC });
    } else if (choice === 2) {
      const url = rng.pick(CONNECTION_STRINGS);
      lines.push(`  ${rng.pick(['DATABASE_URL', 'connection-string', 'uri'])}: ${enc(url.make(rng))}`);
      positives.push({ at: lines.length - 1, end: lines.length - 1, rule: url.rule, also: url.also });
    } else {
      // A service-account token, base64 again as Kubernetes stores it.
      lines.push(`  token: ${enc(jwtLike(rng))}`);
      positives.push({ at: lines.length - 1, end: lines.length - 1, rule: 'jwt-base64-wrapped', also: ['jwt'] });
    }
  }
  if (rng.chance(0.5)) {
    lines.push(`  ca.crt: ${Buffer.from(['-----BEGIN CERTIFICATE-----', b64bytes(500)(rng), '-----END CERTIFICATE-----'].join('\n')).toString('base64')}`);
    negatives.push({ at: lines.length - 1, category: 'certificate' });
  }
  if (rng.chance(0.4)) {
    lines.push(`  ${rng.pick(['password', 'api-token'])}: ${enc(rng.pick(['changeme', 'REPLACE_ME', 'your-password-here', '<set-me>']))}`);
    negatives.push({ at: lines.length - 1, category: 'placeholder' });
  }
  lines.push('');
  return { path: `k8s/secrets/${word(rng)}-secret-${n}.yaml`, lines, positives, negatives };
};

/** A dockerconfigjson Secret: the whole Docker config, base64-encoded. */
const k8sDockerSecret: SpecialFileMaker = (rng, n) => {
  const inner = dockerConfig(rng, n).lines.join('\n');
  const lines = ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: regcred-${n}`, 'type: kubernetes.io/dockerconfigjson', 'data:', `  .dockerconfigjson: ${Buffer.from(inner).toString('base64')}`, ''];
  return { path: `k8s/secrets/regcred-${n}.yaml`, lines, positives: [{ at: 6, end: 6, rule: 'docker-registry-config-auth', also: ['docker-hub-personal-access-token', GENERIC] }], negatives: [] };
};

const pemFile: SpecialFileMaker = (rng, n) => {
  const kind = rng.pick(CREDENTIALS.filter((c) => c.multiline));
  const lines = kind.make(rng).split('\n');
  lines.push('');
  return { path: `${rng.pick(['certs', 'keys', 'deploy/tls', 'ssh'])}/${rng.pick(['server', 'deploy', 'id', 'signing'])}-${n}.${kind.rule === 'putty-private-key' ? 'ppk' : rng.pick(['pem', 'key'])}`, lines, positives: [{ at: 0, end: lines.length - 2, rule: kind.rule, also: kind.also }], negatives: [] };
};

const serviceAccountJson: SpecialFileMaker = (rng, n) => {
  const project = `${word(rng)}-prod-${rng.int(100, 999)}`;
  const email = `${user(rng).replace('_', '-')}@${project}.iam.gserviceaccount.com`;
  const key = JSON.stringify(pkcs8Key(rng) + '\n');
  const lines = [
    '{',
    '  "type": "service_account",',
    `  "project_id": "${project}",`,
    `  "private_key_id": "${run(40, A.hex)(rng)}",`,
    `  "private_key": ${key},`,
    `  "client_email": "${email}",`,
    `  "client_id": "${run(21, A.digits)(rng)}",`,
    '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
    '  "token_uri": "https://oauth2.googleapis.com/token",',
    '  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",',
    `  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}"`,
    '}',
    '',
  ];
  return { path: `credentials/${project}-${n}.json`, lines, positives: [{ at: 4, end: 4, rule: 'google-cloud-service-account-key', also: ['private-key-pkcs8'] }], negatives: [] };
};

const mavenSettings: SpecialFileMaker = (rng, n) => {
  const lines = [
    '<settings>',
    '  <servers>',
    '    <server>',
    `      <id>${rng.pick(['ossrh', 'central', 'sonatype-nexus'])}</id>`,
    `      <username>${user(rng)}</username>`,
    `      <password>${urlPassword(rng)}</password>`,
    '    </server>',
    '    <server>',
    '      <id>internal</id>',
    `      <username>${user(rng)}</username>`,
    '      <password>${env.NEXUS_PASSWORD}</password>',
    '    </server>',
    '  </servers>',
    '</settings>',
    '',
  ];
  return { path: `ci/maven-${n}/settings.xml`, lines, positives: [{ at: 5, end: 5, rule: 'maven-repository-password', also: [GENERIC] }], negatives: [{ at: 10, category: 'variable-reference' }] };
};

const duoIni: SpecialFileMaker = (rng, n) => {
  const lines = ['[duo]', `ikey = DI${run(18, A.ub36)(rng)}`, `skey = ${run(40, A.b62)(rng)}`, `api_host = api-${run(8, A.hex)(rng)}.duosecurity.com`, ''];
  return { path: `etc/duo-${n}/login_duo.conf`, lines, positives: [{ at: 2, end: 2, rule: 'duo-integration-credentials', also: [GENERIC] }], negatives: [] };
};

const coinbaseKeyFile: SpecialFileMaker = (rng, n) => {
  const key = JSON.stringify(ecKey(rng) + '\n');
  const lines = ['{', `  "name": "organizations/${uuid(rng)}/apiKeys/${uuid(rng)}",`, `  "privateKey": ${key}`, '}', ''];
  return { path: `secrets/cdp_api_key_${n}.json`, lines, positives: [{ at: 2, end: 2, rule: 'coinbase-cdp-api-key-file', also: ['private-key-ec'] }], negatives: [] };
};

const gossipHcl: SpecialFileMaker = (rng, n) => {
  const lines = [`datacenter = "${rng.pick(['dc1', 'eu-west', 'us-east'])}"`, `data_dir = "/opt/${rng.pick(['consul', 'nomad'])}"`, `encrypt = "${b64bytes(32)(rng)}"`, 'server = true', ''];
  return { path: `infra/${rng.pick(['consul', 'nomad'])}-${n}/server.hcl`, lines, positives: [{ at: 2, end: 2, rule: 'hashicorp-gossip-encryption-key' }], negatives: [] };
};

const pypirc: SpecialFileMaker = (rng, n) => {
  const token = pickCredential(rng, 'pypi-api-token').make(rng);
  const lines = ['[distutils]', 'index-servers = pypi', '', '[pypi]', 'username = __token__', `password = ${token}`, ''];
  return { path: `home/${user(rng)}${n}/.pypirc`, lines, positives: [{ at: 5, end: 5, rule: 'pypi-api-token' }], negatives: [] };
};

const composerAuth: SpecialFileMaker = (rng, n) => {
  const lines = ['{', '  "http-basic": {', `    "repo.${host(rng)}": {`, `      "username": "${user(rng)}",`, `      "password": "${urlPassword(rng)}"`, '    }', '  }', '}', ''];
  return { path: `php-app-${n}/auth.json`, lines, positives: [{ at: 4, end: 4, rule: GENERIC }], negatives: [] };
};

const terraformVariables: SpecialFileMaker = (rng, n) => {
  const lines: string[] = [];
  const positives: SpecialLabel[] = [];
  const negatives: { at: number; category: string }[] = [];
  for (const name of ['db_password', 'api_token', 'admin_password', 'client_secret'].filter(() => rng.chance(0.6))) {
    lines.push(`variable "${name}" {`, '  type      = string', '  sensitive = true');
    if (rng.chance(0.7)) {
      lines.push(`  default   = "${urlPassword(rng)}"`);
      positives.push({ at: lines.length - 1, end: lines.length - 1, rule: GENERIC });
    } else {
      lines.push('  default   = ""');
      negatives.push({ at: lines.length - 1, category: 'placeholder' });
    }
    lines.push('}', '');
  }
  lines.push('variable "region" {', '  default = "eu-west-1"', '}', '');
  return { path: `infra/stack-${n}/variables.tf`, lines, positives, negatives };
};

const credentialsCsv: SpecialFileMaker = (rng, n) => {
  const lines = ['username,password,role'];
  const positives: SpecialLabel[] = [];
  for (let i = rng.int(2, 5); i > 0; i--) {
    lines.push(`${user(rng)},${urlPassword(rng)},${rng.pick(['admin', 'viewer', 'editor'])}`);
    positives.push({ at: lines.length - 1, end: lines.length - 1, rule: GENERIC });
  }
  return { path: `ops/handover-${n}/accounts.csv`, lines, positives, negatives: [] };
};

const k8sTlsSecret: SpecialFileMaker = (rng, n) => {
  const cert = Buffer.from(['-----BEGIN CERTIFICATE-----', b64bytes(700)(rng), '-----END CERTIFICATE-----'].join('\n')).toString('base64');
  const key = Buffer.from(rng.chance(0.5) ? rsaKey(rng) : pkcs8Key(rng)).toString('base64');
  const lines = ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${word(rng)}-tls`, 'type: kubernetes.io/tls', 'data:', `  tls.crt: ${cert}`, `  tls.key: ${key}`, ''];
  return { path: `k8s/tls/${word(rng)}-tls-${n}.yaml`, lines, positives: [{ at: 7, end: 7, rule: 'private-key-rsa', also: ['private-key-pkcs8'] }], negatives: [{ at: 6, category: 'certificate' }] };
};

export const SPECIAL_FILES: readonly (readonly [SpecialFileMaker, number])[] = [
  [terraformVariables, 3],
  [credentialsCsv, 1],
  [k8sTlsSecret, 2],
  [netrc, 3],
  [pgpass, 3],
  [npmrc, 4],
  [dockerConfig, 3],
  [wpConfig, 2],
  [htpasswd, 2],
  [filezilla, 2],
  [gitCredentials, 2],
  [s3cfg, 2],
  [awsCredentials, 3],
  [awsCsv, 1],
  [kubeconfig, 3],
  [k8sSecret, 6],
  [k8sDockerSecret, 2],
  [pemFile, 6],
  [serviceAccountJson, 3],
  [mavenSettings, 2],
  [duoIni, 1],
  [coinbaseKeyFile, 1],
  [gossipHcl, 1],
  [pypirc, 2],
  [composerAuth, 2],
];
