/**
 * Generic detection on the shapes real code takes: weak passwords under password names, aligned
 * columns, shell continuations, Basic and Bearer values anywhere, bare `key` names with strongly
 * random values, escaped JSON and arrays — and code expressions, templates and labels that are never
 * values. Every secret-shaped value is assembled at run time, so this file holds no literal one.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../src/config/builtin-rules.js';
import { Detector } from '../src/engine/detector.js';
import { base62Text } from './support/engine-fakes.js';

const detector = new Detector(loadBuiltinRules(), { now: Date.parse('2026-06-01T00:00:00Z') });
/** The secrets found in `text`, read as the file `path`. */
const found = (text: string, path?: string): string[] => detector.scan(text, undefined, path).map((m) => m.secret);
const rulesOf = (text: string, path?: string): string[] => detector.scan(text, undefined, path).map((m) => m.rule.id);
const j = (...parts: string[]): string => parts.join('');
const b64 = (text: string): string => Buffer.from(text).toString('base64');
const hex = (seed: number, n: number): string => Buffer.from(base62Text(seed, n)).toString('hex').slice(0, n);

describe('passwords people chose, under password names', () => {
  const weak = j('wel', 'come1');
  it.each([
    ['a Python setting', 'settings.py', `DB_PASSWORD = "${weak}"`],
    ['a YAML mapping, unquoted', 'config/database.yml', `  password: ${j('pork', 'chop')}`],
    ['an exported shell variable', 'deploy.sh', `export OS_PASSWORD=${j('tester', '42')}`],
    ['a PHP array', 'config/app.php', `    'password' => '${weak}',`],
    ['a Go struct literal with aligned columns', 'db_test.go', `\tPassword:           "${weak}",`],
  ])('finds a weak password in %s', (_where, path, line) => {
    expect(found(line, path)).toHaveLength(1);
  });

  it.each([
    ['a stop word', `password = "${j('change', 'me')}"`],
    ['an environment lookup', '  config.password = ENV["DB_PASSWORD"]'],
    ['a shell expansion', 'password: "${DB_PASSWORD}"'],
    ['a Jinja template', 'password: "{{ db_password }}"'],
    ['a token-replacement marker', 'password = ###PASSWORD###'],
    ['a printf template', 'password = "%(password)s"'],
    ['an angle-bracket placeholder', 'password: <your-password>'],
    ['a UI string', '  password: "Enter your password"'],
    ['a function call', '  password: generate_password(16)'],
  ])('leaves %s alone', (_what, line) => {
    expect(found(line, 'config.yml')).toEqual([]);
  });

  it.each([
    ['a builder method', 'DataSource.java', (v: string) => `    builder.password("${v}").build();`],
    ['an argument list', 'backup.py', (v: string) => `    subprocess.run(["mysqldump", "--password", "${v}", "shop"])`],
    ['a name/value pair', 'applicationContext.xml', (v: string) => `    <property name="password" value="${v}"/>`],
    ['a UI test filling the field', 'login.spec.ts', (v: string) => `  await page.fill('#password', '${v}');`],
  ])('finds a weak password given to %s', (_where, path, render) => {
    const value = j('pump', 'kin77');
    expect(found(render(value), path)).toEqual([value]);
  });

  it('an unquoted word is a value in configuration but a variable in code', () => {
    const line = `password = ${j('hunter', 'twelve')}`;
    expect(found(line, 'app.ini')).toHaveLength(1);
    expect(found(line, 'app.py')).toEqual([]);
  });
});

describe('code expressions are not values', () => {
  it.each([
    '  password: Rails.env.test?',
    '  token: Foo.new',
    '  config.session_store :cookie_store, key: Rack::SESSION_OPTIONS',
    '  secret: "ActiveJob::Serializers::ObjectSerializer"',
    'SECRET_KEY = settings.SECRET_KEY',
    'api_key = os.environ["API_KEY"]',
    'api_key = config.get("api_key")',
    'db_password = getenv("DB_PASSWORD")',
  ])('%s', (line) => {
    expect(rulesOf(line, 'app.rb')).toEqual([]);
  });

  it('a piece of a string built in code is not reported on its own', () => {
    const first = base62Text(3, 14);
    expect(found(`  secretAccessKey: ['${first}', '${base62Text(4, 20)}'].join('/'),`, 'sigv4.test.ts')).toEqual([]);
    expect(found(`const apiKey = "${first}" + suffix;`, 'client.ts')).toEqual([]);
  });

  it('credential words inside longer words are not names', () => {
    const value = base62Text(5, 24);
    for (const name of ['passport', 'bypassMode', 'renderPass', 'shadowPass'])
      expect(rulesOf(`${name} = "${value}"`, 'app.js'), name).toEqual([]);
    expect(rulesOf(`publicKeyToken = "${hex(6, 16)}"`, 'App.config')).toEqual([]);
  });
});

describe('references, paths and lists that real packages hold', () => {
  it.each([
    // Python entry points and application specs: `package.module:attribute`
    ['pass' + 'word = keystone.loading._plugins.identity.generic:Password', 'entry_points.txt'],
    ['token = app.plugins.v3:TokenPlugin', 'entry_points.txt'],
    // a class map of a PHP autoloader: the value is a file
    [`    'acme\\\\security\\\\pass${'word'}upgraderinterface' => '/User/PasswordUpgraderInterface.php',`, 'autoload_classmap.php'],
    // config templates substitute an upper-case name after `@`
    ['vcenter_pass' + 'word: @VMWARE_PASSWORD', 'cloud.ini'],
    ['db_pass' + 'word = @DB_PASSWORD@', 'app.properties'],
    // the word itself with a prefix, and names of words listed in a tuple
    ["V2PASS = 'v2pass" + "word'", 'utils.py'],
    ["PASS_BOOLS = ('check_mode', 'debug', 'diff', 'keep_remote_files', 'no_log')", 'parameters.py'],
  ])('%s', (line, path) => {
    expect(rulesOf(line, path)).toEqual([]);
  });

  it.each([
    // Go: struct fields and their types, struct tags, constants and enums, initialisms
    ['\tMasterUserPassword *string', 'api_op_create.go'],
    ['\tPassword OptString', 'protocol.gen.go'],
    ['\tSint64Map map[int64]int64 `protobuf:"bytes,8,rep,name=Sint64Map" protobuf_key:"zigzag64,1,opt,name=key,proto3"`', 'theproto3.pb.go'],
    ['\tDataKeyPairSpecEccSecgP256k1 DataKeyPairSpec = "ECC_SECG_P256K1"', 'enums.go'],
    ['\tEC2CredentialsTimestampFormatV4 = "20060102T150405Z"', 'requests.go'],
    ['\t\te.Key = KeyCtrl8', 'keyboard_windows.go'],
    ['\togc.APIKey = c.Global.OpsGenieAPIKey', 'config.go'],
    ['\tobjectMap["sshKey"] = lvmp.SSHKey', 'models.go'],
    // a name for a condition, a translation's source text, the word behind punctuation
    ['\tERRCODE_INVALID_PASSWORD := "28P01"', 'pgconn.go'],
    ['  "GUI Authentication Pass' + 'word": "GUI-wachtwoord",', 'lang-nl.json'],
    ["const passwordKey = ':_pass" + "word'", 'index.js'],
    ['  "token_expires_at": "2016-01-25T16:39:48.166Z"', 'runners.json'],
    ['// "rawKey": "' + Buffer.from('Hello from Acme Cloud Platform').toString('base64') + '"', 'compute-gen.go'],
    ["sub post { my $s = shift; $s->profile->request_auth($s, 'POST', @_) }", 'AccessToken.pm'],
    // names of words and initialisms, header names, attributes of a password, annotations
    ['  "result_key": "OptOutLists"', 'paginators-1.json'],
    ["ACCESS_KEY = 'AWSAccessKeyId'", 'credentials.py'],
    ['NEXT_ROW_KEY = "x-ms-continuation-NextRowKey"', '_constants.py'],
    ['CAS_SQL_PASS' + 'WORD_CHARSET = "utf-8"', 'default_settings.py'],
    ["CAS_LDAP_PASS" + "WORD_CHECK = 'ldap'", 'default_settings.py'],
    ['SOAP_PASS_THROUGH = "soap"', 'enums.py'],
    ['    device_admin_pass' + 'word: "AsymmetricEncryptedSecret",', '_models_py3.py'],
    ['DEFAULT_PASS' + 'WORD = "anon@"', 'common.py'],
    ["PWD_REPLACEMENT = 'ReplacedSPPass" + "word123*'", 'utilities.py'],
    ['AuthenticationMethod="urn:oasis:names:tc:SAML:1.0:am:pass' + 'word">', 'samlValidate.xml'],
    ['      display_pass' + "word = \"passwd='#{display[:password]}'\"", 'server.xml.erb'],
  ])('%s', (line, path) => {
    expect(rulesOf(line, path)).toEqual([]);
  });

  it('keeps a password in a Python dictionary and a PascalCase password of words', () => {
    expect(found("    'device_admin_pass" + "word': 'MoreThanEighteenChars',", 'settings.py')).toEqual(['MoreThanEighteenChars']);
  });

  it('keeps literals that only look like those: a weak password that starts its name, a flag value, a quoted Go field', () => {
    expect(found('POSTGRES_PASS' + 'WORD = "postgres"', 'settings.py')).toEqual(['postgres']);
    const token = base62Text(33, 24);
    expect(found(`  --client-secret ${token} \\`, 'cmd.go')).toEqual([token]);
    const chosen = j('s3', 'cr3t', '!');
    expect(found(`users = [ { user: "admin", pass: "${chosen}" } ]`, 'server_test.go')).toEqual([chosen]);
  });

  it('still finds a generated value in a list and a chosen password in a scheme-less address', () => {
    const token = base62Text(31, 32);
    expect(found(`API_TOKENS = ('${token}', '${base62Text(32, 32)}')`, 'settings.py')).toContain(token);
    const chosen = j('Pa', '55-Kx9', 'qTm7');
    expect(found(`MONGO_ADDR = "admin:${chosen}@mongo:27017"`, 'settings.py').join(' ')).toContain(chosen);
    expect(rulesOf('#   "netloc": "user:pass' + 'word@www.acme.com:9000",', 'filters.py')).toEqual([]);
  });
});

describe('columns, continuations and layouts', () => {
  const key = j(base62Text(7, 20), ';', base62Text(8, 18), '@x');
  it('finds values behind hand-aligned columns', () => {
    expect(found(`define('AUTH_KEY',         '${key}');`, 'wp-config.php')).toEqual([key]);
    const ini = base62Text(9, 28);
    expect(found(`secret_key            = ${ini}`, 'app.ini')).toEqual([ini]);
  });

  it('finds an unquoted value followed by a shell line continuation', () => {
    const value = base62Text(10, 12);
    expect(found(`docker run -e MYSQL_PASSWORD=${value} \\`, 'run.sh')).toEqual([value]);
    expect(found(`    --os-password ${value} \\`, 'deploy.sh')).toEqual([value]);
  });

  it('finds a password inside escaped JSON and the first of an array of tokens', () => {
    const value = j(base62Text(11, 10), '!7');
    expect(found(`"body": "{\\"name\\":\\"root\\",\\"password\\":\\"${value}\\"}"`, 'fixture.json')).toEqual([value]);
    const token = base62Text(12, 28);
    expect(found(`"tokens": ["${token}"]`, 'tokens.json')).toEqual([token]);
  });
});

describe('Basic and Bearer values anywhere', () => {
  const token = base62Text(13, 32);
  it.each([
    ['a headers dict', `headers = {"Authorization": "Bearer ${token}"}`],
    ['a comparison in a handler', `  if r.Header.Get("Authorization") != "Bearer ${token}" {`],
    ['an access log', `10.0.4.17 - - [12/Mar/2024:10:01:22 +0000] "GET /v1/orders HTTP/1.1" 200 - "Bearer ${token}"`],
  ])('finds a Bearer token in %s', (_where, line) => {
    expect(rulesOf(line)).toEqual(['generic-authorization-bearer']);
  });

  it('not a Bearer word in prose or a token built at run time', () => {
    expect(rulesOf('The bearer token authentication scheme is described in RFC 6750.')).toEqual([]);
    expect(rulesOf('headers["Authorization"] = "Bearer " + accessToken')).toEqual([]);
  });

  it('finds Basic credentials in a test request, only when they decode to a real user:password', () => {
    const creds = b64(j('deploy:', base62Text(14, 12)));
    expect(rulesOf(`    await request(app).get('/metrics').set('Authorization', 'Basic ${creds}').expect(200);`)).toEqual(['generic-basic-auth-header']);
    expect(rulesOf(`  .set('Authorization', 'Basic ${b64('user:password')}')`)).toEqual([]);
    expect(rulesOf('See the basic configuration section for the defaults.')).toEqual([]);
  });
});

describe('a bare `key` needs a strongly random value', () => {
  it('finds long hex and high-entropy base64 under `key`', () => {
    const h = hex(15, 32);
    expect(found(`{"key": "${h}"}`, 'settings.json')).toEqual([h]);
    const b = base62Text(16, 32);
    expect(found(`key = "${b}"`, 'app.py')).toEqual([b]);
  });

  it('leaves names, short ids and words under `key` alone', () => {
    for (const line of ['{"key": "name"}', `key: "${base62Text(17, 10)}"`, 'key = "user-profile-cache"', 'key: translation.missing_value'])
      expect(rulesOf(line, 'data.json'), line).toEqual([]);
  });
});

describe('lower-case values under key, token and secret names', () => {
  /** Lower-case letters drawn from a seeded generator, as a lower-case secret or an obfuscated one reads. */
  const letters = (seed: number, n: number): string => base62Text(seed, n * 4).replace(/[^a-z]/g, '').slice(0, n);

  it('finds a run of random letters, and a value with a long random part after a word', () => {
    const run = letters(21, 18);
    expect(run).toHaveLength(18);
    expect(found(`    os.environ["SECRET_KEY"] = "${run}"`, 'tests/conftest.py')).toEqual([run]);
    expect(found(`  "access_token_secret": "${run}",`, 'config.json')).toEqual([run]);
    expect(found(`docker login -u ci -p ${run} registry.internal`, 'deploy.sh')).toEqual([run]);
    expect(found(`rootpw    ${run}`, 'slapd.conf')).toEqual([run]);
    const prefixed = j('key-', hex(22, 12), letters(23, 20));
    expect(found(`MAILGUN_KEY=${prefixed}`, '.env')).toEqual([prefixed]);
  });

  it('leaves words run together, names of words and numbers, and random letters under a bare `key`', () => {
    for (const line of ['SECRET_NAME = "sessionstorage"', 'api_key: "scram-sha-256"', 'token = "headerparameters"', `key = "${letters(24, 18)}"`])
      expect(rulesOf(line, 'settings.py'), line).toEqual([]);
  });
});

describe('typed declarations and other assignment forms', () => {
  const token = base62Text(11, 28);
  const chosen = j('Kiln-', 'Harbor-', '4471');
  it.each([
    ['a TypeScript annotation', 'src/config.ts', `const apiKey: string = "${token}";`],
    ['a Rust constant', 'src/main.rs', `const API_TOKEN: &str = "${token}";`],
    ['a Go typed variable', 'config.go', `var apiSecret string = "${token}"`],
    ['a Kotlin property', 'Config.kt', `val dbPassword: String = "${chosen}"`],
    ['a Python annotation', 'settings.py', `DB_PASSWORD: str = "${chosen}"`],
    ["make's assignment if unset", 'Makefile', `DB_PASS ?= ${chosen}`],
    ['a pw name', 'deploy.py', `db_pw = "${chosen}"`],
    ['Redis configuration', 'redis.conf', `requirepass ${chosen}`],
    ['an Objective-C string', 'Config.m', `NSString *apiKey = @"${token}";`],
    ['a C# verbatim string', 'Settings.cs', `    var password = @"${chosen}";`],
    ["R's assignment", 'analysis.R', `db_password <- "${chosen}"`],
    ['a keyring entry', 'setup.py', `keyring.set_password("deploy", "ops", "${chosen}")`],
    ['a password check in a test', 'test_auth.py', `    assert verify_password("${chosen}", stored)`],
    ['a Spring password encoder', 'UserSeeder.java', `        user.setHash(passwordEncoder.encode("${chosen}"));`],
    ['a Ruby fallback after a lookup', 'config/initializers/api.rb', `token = ENV["API_TOKEN"] || "${token}"`],
    ["Python's or after a lookup", 'settings.py', `SECRET_KEY = os.getenv("SECRET_KEY") or "${token}"`],
    ["PHP's ?: after a lookup", 'config.php', `$password = getenv('DB_PASSWORD') ?: '${chosen}';`],
  ])('finds the value in %s', (_what, path, line) => {
    expect(found(line, path)).toEqual([line.includes(token) ? token : chosen]);
  });

  it('leaves a comparison with R-like spacing and a user name given to a keyring', () => {
    expect(found('if (password < -1) return;', 'src/check.c')).toEqual([]);
    expect(found(`keyring.set_password("deploy", "ops", secret)`, 'setup.py')).toEqual([]);
  });

  it('does not take the type for the name', () => {
    expect(found(`const label: string = "${j('Kiln-', 'Harbor')}";`, 'src/ui.ts')).toEqual([]);
  });
});

describe('values of real code that are not secrets', () => {
  it('leaves public keys and certificates in base64 DER, and still reports private keys', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(found(`  { keyid: "SHA256:abc", key: "${spki}" },`, 'dist/lib/keys.cjs')).toEqual([]);
    expect(found(`const VERIFY_KEY = "${rsa}";`, 'src/license.ts')).toEqual([]);
    expect(found(`signing_key = "${pkcs8}"`, 'app/settings.py')).toEqual([pkcs8]);
  });

  it('leaves base64 of a phrase, programs that ask for a password, packages and anonymous FTP', () => {
    expect(found(`  password: '${b64(j('not my ', 'real ', 'password'))}',`, 'docs/README.md')).toEqual([]);
    expect(found("    GIT_ASKPASS: 'echo',", 'lib/opts.js')).toEqual([]);
    expect(found(`            '${j('Test2::Event::', 'Pass')}'    => 'cpan',`, 'lib/Module/CoreList.pm')).toEqual([]);
    expect(found("    $pass = '-anonymous@'", 'lib/Net/FTP.pm')).toEqual([]);
  });
});

describe('C headers', () => {
  it('leave constants about credentials, and still report a password defined as a string', () => {
    const header = [
      '#define GNUTLS_E_TPM_KEY_PASSWORD_ERROR -330',
      '#define SECURITY_SET_PASSWORD\t\t0xBA',
      '#define CKA_NSS_PASSWORD_CHECK          0xce534356UL',
      '#define OBJ_userPassword                OBJ_X509,35L',
      '#define OSSL_PASSPHRASE_PARAM_INFO "info"',
      `#define SN_id_it_revPassphrase          "id-it-${j('rev', 'Passphrase')}"`,
      `#define TLS_MD_MASTER_SECRET_CONST "${[...'master secret'].map((c) => `\\x${c.charCodeAt(0).toString(16)}`).join('')}"`,
      `#define SN_dhSinglePass_stdDH_sha1kdf_scheme "dhSingle${j('Pa', 'ss-stdDH-sha1kdf-scheme')}"`,
    ].join('\n');
    expect(found(header, 'include/openssl/obj_mac.h')).toEqual([]);
    expect(found('const LPASS8 = 0x0800;\n      struct _Cb_impl : stop_token::_Stop_cb\n', 'include/rpcsvc/rex.h')).toEqual([]);
    expect(found('      struct _Cb_impl : stop_token::_Stop_cb\n', 'include/c++/12/stop_token')).toEqual([]);
    const chosen = j('Kiln-', 'Harbor-', '4471');
    expect(found(`#define SMTP_PASSWORD "${chosen}"`, 'src/mail.h')).toEqual([chosen]);
  });
});

describe('long random numbers and secret salts', () => {
  /** Decimal digits from a seeded generator: a 128-bit value printed in decimal reads like this. */
  const digits = (seed: number, n: number): string => base62Text(seed, n * 8).replace(/[^0-9]/g, '').slice(0, n);

  it('finds a long random number under a secret name, and an application salt that looks generated', () => {
    const number = digits(31, 39);
    expect(number).toHaveLength(39);
    expect(found(`SECRET_KEY = "${number}"`, 'settings.py')).toEqual([number]);
    expect(found(`app.config["SECURITY_PASSWORD_SALT"] = "${number}"`, 'app.py')).toEqual([number]);
    const salt = base62Text(32, 24);
    expect(found(`HASHIDS_SALT=${salt}`, '.env')).toEqual([salt]);
  });

  it('leaves digit patterns, short numbers, namespace salts and the salts stored with one hash alone', () => {
    const salt = base62Text(33, 24);
    for (const line of [
      `\tkey := "${'0123456789'.repeat(3)}01"`,
      `  "license_key":"${['0000', '1111', '2222', '3333', '4444', '5555', '6666', '7777', '8888', '9999'].join('')}",`,
      `SECRET_ID = "${digits(34, 18)}"`,
      "    salt = 'django.contrib.sessions.backends.signed_cookies'",
      `{"alg": "PBES2g-HS256", "iterations": 100000, "salt": "${salt}"}`,
      `  { "passwordHash": "${base62Text(35, 24)}", "passwordSalt": "${salt}" },`,
    ])
      expect(rulesOf(line, 'settings.py'), line).toEqual([]);
  });
});

describe('unquoted values outside code', () => {
  it('reads letters and digits before `)` in a text file as the value, and a variable in code', () => {
    const value = base62Text(61, 10).replace(/^[0-9]+/, 'K');
    expect(found(`ops@10.20.30.41 (pw: ${value})`, 'wiki/servers.txt')).toEqual([value]);
    expect(found(`    connect(host, pw: ${value})`, 'lib/client.rb')).toEqual([]);
  });

  it('leaves a Ruby instance variable in a template', () => {
    expect(found("<%= edit_password_url(@resource, reset_password_token: @token) %>", 'app/views/mailer/reset.html.erb')).toEqual([]);
  });
});

describe('password names in other languages', () => {
  const chosen = j('Gx7k', 'Q2mZp9');
  it.each([
    ['German', 'config/de.properties', `db.passwort=${chosen}`],
    ['German, kennwort', 'config/app_de.yml', `  kennwort: ${chosen}`],
    ['Portuguese', 'src/config_br.py', `senha = "${chosen}"`],
    ['Dutch', 'config/nl.ini', `wachtwoord=${chosen}`],
    ['Polish', 'config/pl.env', `DB_HASLO=${chosen}`],
    ['Finnish', 'config/fi.conf', `salasana=${chosen}`],
  ])('finds a password under its %s name', (_language, path, line) => {
    expect(found(line, path)).toEqual([chosen]);
  });
});

describe('command lines that go on after the value', () => {
  it('reads a setting followed by another flag as a value, not as prose', () => {
    const chosen = j('Helm-Set-', 'Pw9');
    expect(found(`helm upgrade app ./chart --set db.password=${chosen} --set image.tag=1.2.3`, 'deploy.sh')).toEqual([chosen]);
    expect(found('token: Short-lived access token for the build', 'notes.yml')).toEqual([]);
  });
});
