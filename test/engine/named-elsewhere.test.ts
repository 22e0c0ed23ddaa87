/**
 * Values whose name is not right before them: reference defaults (`${NAME:…}`, `${NAME:-…}`),
 * elements keyed by an attribute (`<entry key="…">`, `<string name="…">`), compared literals and
 * literals a statement names (`let(:password)`, `strcpy(cfg->passwd, …)`, getters). The name found elsewhere
 * decides how the value is judged. Secret-shaped values are assembled at run time.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { Detector } from '../../src/engine/detector.js';
import { comparedValue, givenName, keyedElementValue, referenceDefault } from '../../src/engine/refine/named-elsewhere.js';
import { base62Text } from '../support/engine-fakes.js';

const detector = new Detector(loadBuiltinRules(), { now: Date.parse('2026-06-01T00:00:00Z') });
const found = (text: string, path: string): string[] => detector.scan(text, undefined, path).map((m) => `${m.rule.id} ${m.secret}`);
const chosen = ['Kiln', '-', 'Harbor', '-', '4471'].join('');
const random = base62Text(7, 24);
const now = Date.parse('2026-06-01T00:00:00Z');

describe('reference defaults', () => {
  it('judges a default under a password name as a password (a chosen word counts)', () => {
    expect(referenceDefault(chosen, { now, before: '      - DB_PASSWORD=${DB_PASSWORD:-' })).not.toBeNull();
    expect(referenceDefault(chosen, { now, before: '@Value("${spring.mail.password:' })).not.toBeNull();
  });

  it('asks a generated-looking value under a token name, and no chosen word', () => {
    expect(referenceDefault(random, { now, before: '  api-token: ${API_TOKEN:' })).not.toBeNull();
    expect(referenceDefault(chosen, { now, before: '  api-token: ${API_TOKEN:' })).toBeNull();
  });

  it('leaves names that describe a credential, and text with no reference before it', () => {
    expect(referenceDefault('3600', { now, before: '  token-ttl: ${TOKEN_TTL:' })).toBeNull();
    expect(referenceDefault(random, { now, before: '  secret: ${SECRET_NAME:' })).toBeNull();
    expect(referenceDefault(chosen, { now, before: 'password = "' })).toBeNull();
  });

  it('is found in a Compose file and a Spring properties file', () => {
    expect(found(`    environment:\n      - POSTGRES_PASSWORD=\${POSTGRES_PASSWORD:-${chosen}}\n`, 'docker-compose.yml')).toContain(`generic-reference-default ${chosen}`);
    expect(found(`spring.datasource.password=\${DB_PASSWORD:${chosen}}\n`, 'src/main/resources/application.properties').map((f) => f.split(' ')[1])).toContain(chosen);
  });
});

describe('elements keyed by an attribute', () => {
  it('judges the text under the key or name attribute', () => {
    expect(keyedElementValue(chosen, { now, before: '<entry key="smtp.password">' })).not.toBeNull();
    expect(keyedElementValue(random, { now, before: '  <property name="hibernate.connection.password" type="string">' })).not.toBeNull();
  });

  it('asks a generated-looking value in Android string resources, whatever the name', () => {
    expect(keyedElementValue('Salasana', { now, before: '    <string name="password">' })).toBeNull();
    expect(keyedElementValue(random, { now, before: '    <string name="maps_api_key">' })).not.toBeNull();
    expect(found(`<resources>\n    <string name="payments_api_key">${random}</string>\n</resources>\n`, 'app/src/main/res/values/strings.xml')).toEqual([`generic-keyed-xml-element ${random}`]);
  });

  it('leaves labels and hints of password fields', () => {
    expect(keyedElementValue(chosen, { now, before: '    <string name="password_hint">' })).toBeNull();
    expect(keyedElementValue(random, { now, before: '    <string name="api_key_label">' })).toBeNull();
    expect(found('<resources>\n    <string name="password">Heslo</string>\n    <string name="forgot_password">Forgot</string>\n</resources>\n', 'app/src/main/res/values-cs/strings.xml')).toEqual([]);
  });
});

describe('literals a credential is compared with', () => {
  it('judges the literal under the compared name', () => {
    expect(comparedValue(chosen, { now, before: '    if password == "' })).not.toBeNull();
    expect(comparedValue(chosen, { now, before: '        if (adminPassword.equals("' })).not.toBeNull();
    expect(comparedValue(random, { now, before: "    if (req.headers['x-admin-token'] !== '" })).not.toBeNull();
    expect(comparedValue(chosen, { now, before: "    if (req.headers['x-admin-token'] !== '" })).toBeNull();
  });

  it('leaves states, descriptions of the credential, and base64 padding', () => {
    expect(comparedValue('queue', { now, before: '    const x = passwordRelease != "' })).toBeNull();
    expect(comparedValue(chosen, { now, before: '    if (passwordStrength === "' })).toBeNull();
    expect(comparedValue(';dX.className=', { now, before: 'x="qJ3PSUStOHl7gh4HIPWdiTHi1e7qchw=="' })).toBeNull();
    expect(comparedValue(chosen, { now, before: 'blob = "HIPWdiTHi1e7qchw=="' })).toBeNull();
  });
});

describe('literals a statement names', () => {
  it('reads the name from an RSpec let, a C string copy and a one-line getter', () => {
    expect(givenName(chosen, { now, before: '  let(:password) { "' })).not.toBeNull();
    expect(givenName(chosen, { now, before: '    strcpy(cfg->passwd, "' })).not.toBeNull();
    expect(givenName(chosen, { now, before: '    strncpy_s(conn.password, sizeof conn.password, "' })).not.toBeNull();
    expect(givenName(chosen, { now, before: '    public String getPassword() { return "' })).not.toBeNull();
    expect(givenName(random, { now, before: '    def get_api_key(self): return "' })).not.toBeNull();
    expect(givenName(chosen, { now, before: '        when(settings.getPassword()).thenReturn("' })).not.toBeNull();
  });

  it('asks a generated value under a key name, and leaves names that describe one', () => {
    expect(givenName(chosen, { now, before: '    def get_api_key(self): return "' })).toBeNull();
    expect(givenName(chosen, { now, before: '  let(:password_hint) { "' })).toBeNull();
    expect(givenName(chosen, { now, before: '    if (user.getPassword() == "' })).toBeNull();
  });

  it('is found in a spec file and in C source', () => {
    expect(found(`describe User do\n  let(:password) { "${chosen}" }\nend\n`, 'spec/models/user_spec.rb')).toEqual([`generic-statement-named-secret ${chosen}`]);
    expect(found(`  strcpy(cfg->passwd, "${chosen}");\n`, 'src/config.c')).toEqual([`generic-statement-named-secret ${chosen}`]);
  });
});

describe('values a documentation layout names', () => {
  it('finds a table row, an HTML row, a bold label and a code element', () => {
    for (const line of [`| DB_PASSWORD | ${chosen} |`, `<tr><td>password</td><td>${chosen}</td></tr>`, `- **Password**: ${chosen}`, `<p>Password: <code>${chosen}</code></p>`])
      expect(found(`${line}\n`, 'docs/setup.md'), line).toEqual([`generic-docs-named-value ${chosen}`]);
    expect(found(`**API key:** \`${random}\`\n`, 'README.md')).toEqual([`generic-docs-named-value ${random}`]);
  });

  it('leaves descriptions, identifiers in grammar tables, and tables outside documentation', () => {
    for (const line of ['| password | string | The password of the user |', '| `PASSWORD` | **required** |', '| token_type | Bearer |', 'small_stmt: (expr_stmt | pass_stmt | flow_stmt |'])
      expect(found(`${line}\n`, 'docs/reference.md'), line).toEqual([]);
    expect(found(`| DB_PASSWORD | ${chosen} |\n`, 'src/table.py')).toEqual([]);
  });
});
