import { describe, expect, it } from 'vitest';
import { classifyContext, contextOfOrigin, declaresGenerated, declaresTestData, type FindingContext } from '../../src/findings/context.js';

const cases: Record<FindingContext, string[]> = {
  test: [
    // test set-up, the test environment's settings, Perl tests and stubs
    'src/setupTests.ts',
    'jest.setup.js',
    'spec_helper.rb',
    'phpunit.xml.dist',
    '.env.test',
    'appsettings.Testing.json',
    'src/main/resources/application-test.yml',
    'config/environments/test.rb',
    'mysite/settings/test.py',
    'config/test.exs',
    't/01-login.t',
    't/lib/Helper.pm',
    'stubs/aws.json',
    // JS/TS
    'test/config.js',
    'packages/api/tests/auth.ts',
    'src/__tests__/login.tsx',
    'src/__mocks__/aws.ts',
    'src/__snapshots__/report.snap',
    'src/auth/login.test.ts',
    'src/auth/login.spec.mjs',
    'cypress/e2e/login.cy.ts',
    'e2e/checkout.ts',
    // Python
    'tests/test_settings.py',
    'app/test_views.py',
    'app/views_test.py',
    'conftest.py',
    'shop/tests.py',
    // Go
    'internal/auth/token_test.go',
    'pkg/client/testdata/config.json',
    // Ruby / Rails
    'spec/models/user_spec.rb',
    'test/fixtures/users.yml',
    'spec/factories/accounts.rb',
    'lib/parser_test.rb',
    // Java / Kotlin
    'src/test/java/com/acme/BillingTest.java',
    'src/main/java/com/acme/BillingServiceIT.java',
    'app/src/androidTest/kotlin/LoginTests.kt',
    'src/integrationTest/resources/application.yml',
    'src/testFixtures/java/Keys.java',
    // C# / .NET
    'Acme.Billing.Tests/StripeClientTests.cs',
    'src/Acme.Api.UnitTests/appsettings.json',
    'src/Acme/TokenServiceTest.cs',
    // PHP
    'tests/Feature/LoginTest.php',
    'src/Service/MailerTest.php',
    // Rust
    'tests/integration.rs',
    'benches/parse.rs',
    'src/lexer_test.rs',
    // Dart, Elixir, C
    'lib/api_test.dart',
    'test/acme_web/controllers/page_controller_test.exs',
    'src/crypto_test.c',
    // test support named as such
    'ansible_test/_internal/commands/cloud/nios.py',
    'src/test_utils/factories.py',
    'unit-tests/setup.js',
    // fixture and test-vector files by name
    'openstack/compute/v2/servers/testing/fixtures.go',
    'keystoneclient/unit/client_fixtures.py',
    'sio-go/test_vectors.json',
    'cryptography_vectors/ciphers/AES/GCM/gcmDecrypt128.rsp',
    'testvectors/ed25519.json',
    // a test's own docs and examples are test data
    'test/fixtures/README.md',
    'tests/examples/config.py',
  ],
  docs: [
    'README.md',
    'docs/configuration.md',
    'docs/conf.py',
    'doc/api/auth.html',
    'guides/deploy.mdx',
    'CHANGELOG',
    'manual/install.rst',
    'book/setup.adoc',
    'documentation/index.html',
    'man/man1/tool.1',
    'share/man3/foo.3',
    'lib/acme.rdoc',
    // plain-text help that ships beside code: a generator's USAGE, GNU-style INSTALL and NEWS
    'lib/rails/generators/model/USAGE',
    'INSTALL',
    'NEWS.txt',
    // API descriptions
    'api/swagger.yaml',
    'openapi.v2.json',
  ],
  example: [
    'src/components/Login.stories.tsx',
    'examples/basic/main.go',
    'example/app.py',
    'samples/Startup.cs',
    'demo/index.js',
    '.env.example',
    'config/.env.sample',
    'config/database.yml.example',
    'app/config/parameters.yml.dist',
    'config.example.json',
    'settings-sample.yaml',
    'terraform.tfvars.template',
    'example.env',
    'config/example_toml.go',
    'docs/examples/server.js',
  ],
  vendor: [
    'vendor/github.com/aws/aws-sdk-go/aws/config.go',
    'node_modules/lodash/index.js',
    'third_party/grpc/src/core/lib.c',
    'web/bower_components/jquery/jquery.js',
    'venv/lib/python3.12/site-packages/requests/auth.py',
    'ios/Pods/Firebase/Config.m',
    // vendored code is vendor whatever its folders are called
    'vendor/acme/sdk/test/fixtures/keys.json',
    'node_modules/jsonwebtoken/test/jwt.test.js',
    'node_modules/pkg/README.md',
    'vendor/assets/jquery.min.js',
  ],
  generated: [
    'package-lock.json',
    'web/yarn.lock',
    'pnpm-lock.yaml',
    'Gemfile.lock',
    'composer.lock',
    'go.sum',
    'Cargo.lock',
    'poetry.lock',
    'api/v1/service.pb.go',
    'proto/service_pb2.py',
    'lib/models/user.g.dart',
    'Forms/MainForm.Designer.cs',
    'src/schema.generated.ts',
    'public/js/app.min.js',
    'public/js/app.js.map',
    'dist/bundle.js',
    'src/__generated__/graphql.ts',
    // tool output wins over where it sits
    'test/protos/fixture_pb2.py',
    // Python packaging metadata
    'acme.egg-info/entry_points.txt',
    'build/lib/acme-1.0.dist-info/METADATA',
  ],
  source: [
    'src/config.ts',
    'config/settings.py',
    '.env',
    'deploy/values.yaml',
    '.github/workflows/deploy.yml',
    'db/seeds.rb',
    'app/services/latest.py',
    'src/contest/entry.go',
    'src/testimonials/list.ts',
    'lib/latest-version/index.js',
    'src/attestation.ts',
    'src/main/java/com/acme/Manifest.java',
    'src/main/java/com/acme/Request.cs',
    'charts/app/templates/_helpers.tpl',
    'roles/web/templates/nginx.conf.j2',
    'history',
    'notes.txt',
    'scripts/testing-tools.sh',
    'config/environments/production.rb',
    'sandbox/app.py',
    '',
    '-',
  ],
};

describe('classifyContext by path', () => {
  for (const [context, paths] of Object.entries(cases)) {
    it.each(paths)(`%s is ${context}`, (path) => {
      expect(classifyContext(path)).toBe(context);
    });
  }

  it('reads Windows separators, drive letters and ./ like forward slashes', () => {
    expect(classifyContext('src\\Acme.Tests\\Keys.cs')).toBe('test');
    expect(classifyContext('C:\\work\\repo\\node_modules\\x\\index.js')).toBe('vendor');
    expect(classifyContext('.\\docs\\setup.md')).toBe('docs');
    expect(classifyContext('./test/a.js')).toBe('test');
    expect(classifyContext('src\\app.js')).toBe('source');
  });

  it('matches directory names whole and in any case', () => {
    expect(classifyContext('Tests/Config.swift')).toBe('test');
    expect(classifyContext('DOCS/Setup.txt')).toBe('docs');
    expect(classifyContext('src/testing/helpers.go')).toBe('source');
    expect(classifyContext('src/specialists/team.ts')).toBe('source');
    expect(classifyContext('src/documents/store.py')).toBe('source');
  });

  it('judges a file name by its convention, not a substring', () => {
    expect(classifyContext('src/attest.go')).toBe('source');
    expect(classifyContext('src/latest_test.go')).toBe('test');
    // JVM conventions are case-sensitive: `Latest.java` is not a test, `LatestTest.java` is.
    expect(classifyContext('src/main/java/Latest.java')).toBe('source');
    expect(classifyContext('src/main/java/LatestTest.java')).toBe('test');
  });
});

describe('generated-file markers in the first lines', () => {
  it.each([
    '// Code generated by protoc-gen-go. DO NOT EDIT.\npackage api\n',
    '# Code generated by sqlc. DO NOT EDIT.\n',
    '/**\n * @generated SignedSource<<abc>>\n */\n',
    '# This file is autogenerated by pip-compile\n',
    '// <auto-generated>\n//   This code was generated by a tool.\n',
    '/* This file was automatically generated. */\n',
    '# Generated by Django 4.2 on 2024-01-01; do not edit by hand\n',
  ])('%j declares the file generated', (head) => {
    expect(declaresGenerated(head)).toBe(true);
    expect(classifyContext('src/api/client.go', head)).toBe('generated');
  });

  it.each([
    '# CAVS 11.1\n# Config info for aes_values\n# AESVS GFSbox test data for ECB\n',
    '# Test vectors for XChaCha20-Poly1305\n',
    '// Known answer tests from the reference implementation\n',
  ])('%j declares the file test data', (head) => {
    expect(declaresTestData(head)).toBe(true);
    expect(classifyContext('ciphers/AES/ECB/ECBGFSbox128.rsp', head)).toBe('test');
  });

  it.each([
    'package api\n\nconst token = "x"\n',
    '# generated passwords must be rotated\n',
    '// Do not edit this list without asking security\n',
  ])('%j does not', (head) => {
    expect(declaresGenerated(head)).toBe(false);
    expect(classifyContext('src/api/client.go', head)).toBe('source');
  });

  it('looks only at the first lines', () => {
    const late = `${'line\n'.repeat(5)}// Code generated by a tool. DO NOT EDIT.\n`;
    expect(classifyContext('src/a.go', late)).toBe('source');
    const early = `${'line\n'.repeat(4)}// @generated\n`;
    expect(classifyContext('src/a.go', early)).toBe('generated');
  });

  it('looks only at the first characters of one long line', () => {
    expect(classifyContext('src/a.js', `${'x'.repeat(5000)} @generated`)).toBe('source');
  });

  it('lets the path decide first: a test fixture that says "auto-generated" is still test data', () => {
    expect(classifyContext('test/fixtures/recorded.json', '// auto-generated by the recorder\n')).toBe('test');
    expect(classifyContext('docs/api.md', '<!-- @generated -->\n')).toBe('docs');
  });
});

describe('contextOfOrigin', () => {
  it('counts what tickets and chats hold as source, whatever their export file is called', () => {
    expect(contextOfOrigin({ source: 'ticket', path: 'exports/test/jira.json' })).toBe('source');
    expect(contextOfOrigin({ source: 'ticket', path: 'docs/slack-export.md' })).toBe('source');
  });

  it('judges files from history, diffs and staged changes by their path', () => {
    expect(contextOfOrigin({ source: 'history', path: 'spec/fixtures/keys.yml' })).toBe('test');
    expect(contextOfOrigin({ source: 'diff', path: 'README.md' })).toBe('docs');
    expect(contextOfOrigin({ source: 'staged', path: 'src/app.ts' }, '// @generated\n')).toBe('generated');
  });

  it('counts standard input as source', () => {
    expect(contextOfOrigin({ source: 'file', path: '-' })).toBe('source');
  });
});
