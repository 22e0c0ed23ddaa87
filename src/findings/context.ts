/**
 * The context of a finding: what kind of file it sits in — the project's own code and configuration
 * (`source`), its tests, its documentation, its examples, code it vendors from others, or output a
 * tool generated. Decided from path conventions of the common ecosystems and, for a file the path
 * leaves as source, from a "generated, do not edit" marker in its first lines.
 *
 * Precedence, first that applies wins (see docs/context.md):
 *   vendor > generated (by name) > test > example > docs > generated (by content) > test (by content) > source.
 * Vendored code is someone else's whatever its folders are called (`vendor/x/test/` is vendor); a
 * lockfile or compiled protobuf is tool output wherever it sits; a test's own README or example is
 * test data. The content marker only decides for files the path says nothing about: a recorded
 * fixture under `test/` that says "auto-generated" is still test data.
 *
 * Everything here is linear in the path and in a bounded head of the content: paths come from
 * scanned repositories and may be hostile.
 */

export const FINDING_CONTEXTS = ['source', 'test', 'docs', 'example', 'vendor', 'generated'] as const;
export type FindingContext = (typeof FINDING_CONTEXTS)[number];

/** How many leading lines, and characters in all, the generated-file markers are looked for in. */
export const MARKER_LINES = 5;
export const MARKER_CHARS = 2048;

/** Directories of code a project ships but did not write: package managers' and copied trees. */
const VENDOR_DIRS = new Set([
  'vendor',
  'vendors',
  'third_party',
  'third-party',
  'thirdparty',
  'node_modules',
  'bower_components',
  'jspm_packages',
  'site-packages',
  'dist-packages',
  'pods',
  'carthage',
]);

/** Directories holding tool output: bundles, code generators' trees, framework build caches. */
const GENERATED_DIRS = new Set(['dist', 'generated', '__generated__', 'gen', '.next', '.nuxt', '.svelte-kit']);

const PACKAGING_METADATA_DIR = /\.(?:egg|dist)-info$/;

/** Lockfiles and other manifests a package manager writes. */
const GENERATED_NAMES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'gemfile.lock',
  'composer.lock',
  'go.sum',
  'poetry.lock',
  'pipfile.lock',
  'uv.lock',
  'pdm.lock',
  'cargo.lock',
  'mix.lock',
  'pubspec.lock',
  'podfile.lock',
  'packages.lock.json',
  'flake.lock',
  'gradle.lockfile',
]);

/**
 * Names code generators and minifiers give their output: protobuf/gRPC (Go, Python, C++, JS),
 * Dart's build_runner, .NET designers, `*.generated.*`, minified bundles and source maps.
 */
const GENERATED_SUFFIX =
  /(?:\.pb\.go|\.pb\.gw\.go|_grpc\.pb\.go|_pb2\.py|_pb2_grpc\.py|_pb2\.pyi|\.pb\.cc|\.pb\.h|_pb\.js|_pb\.d\.ts|\.g\.dart|\.freezed\.dart|\.designer\.cs|\.g\.cs|\.generated\.[a-z0-9]+|\.min\.m?js|\.min\.css|\.(?:m?js|css)\.map)$/;

/**
 * Test directories: the usual names, Maven/Gradle source sets (`src/test`, `src/androidTest`,
 * `src/integrationTest`, `src/testFixtures`), mocks, snapshots, fixtures and end-to-end suites.
 */
const TEST_DIRS = new Set([
  'test',
  'tests',
  'spec',
  'specs',
  '__tests__',
  '__mocks__',
  '__stubs__',
  'stubs',
  // Perl distributions keep their tests in `t/` (`t/01-login.t`, `t/lib/`).
  't',
  '__snapshots__',
  '__fixtures__',
  'testdata',
  'test-data',
  'test_data',
  'testfixtures',
  'fixtures',
  'mocks',
  'e2e',
  'cypress',
  'playwright',
  'androidtest',
  'integrationtest',
  'integrationtests',
  'integration-tests',
  'unittest',
  'unittests',
  'functionaltest',
  'bench',
  'benches',
  'benchmark',
  'benchmarks',
]);

/** .NET test projects: `Acme.Tests/`, `Acme.UnitTests/`, `Acme.Specs/`. */
const DOTNET_TEST_PROJECT = /\.(?:unit|integration|functional|acceptance)?(?:tests?|specs?)$/;

/**
 * Test support named as such: `testutil/`, `testhelpers/`, and a test word joined to another
 * (`ansible_test/`, `test_utils/`, `unit-tests/`, `tests_e2e/`), and test vectors (`testvectors/`,
 * `cryptography_vectors/`). The separator is required:
 * `latest/` and `contest/` are not tests.
 */
const TEST_SUPPORT_DIR = /^(?:testutils?|testhelpers?|testlib|testsupport|test[_-]?vectors|(?:[a-z0-9]+[_-])+(?:tests?|testing|specs?|vectors)|(?:tests?|testing|specs?)(?:[_-][a-z0-9]+)+)$/;

/**
 * Test files by name: Go `_test.go`, JS/TS `.test.*` / `.spec.*`, Python `test_*.py`, `*_test.py`,
 * `conftest.py`, `tests.py`, Ruby `_spec.rb` / `_test.rb`, JVM `*Test.java`, `*Tests.kt`, `*IT.java`,
 * `*Spec.scala`, C# `*Tests.cs`, PHP `*Test.php`, Dart `_test.dart`, Elixir `_test.exs`, Jest `.snap`, and
 * fixture files (`fixtures.go`, `client_fixtures.py`, `users.fixture.json`, `test_vectors.json`).
 * Matched on the original case where case carries the convention (`FooTest.java`, not `latest.java`).
 */
const TEST_NAME_LOWER =
  /(?:^fixtures?\.[a-z0-9]+|[._-]fixtures?\.[a-z0-9]+|(?:^|[._-])test[_-]?vectors?[._-][\w.-]*[a-z0-9]|_test\.go|\.(?:test|spec)\.[a-z0-9]+|^test_[^/]*\.py|_test\.py|^conftest\.py|^tests?\.py|_spec\.rb|_test\.rb|_test\.dart|_test\.exs|_test\.(?:c|cc|cpp|rs)|\.snap)$/;
const TEST_NAME_CASED = /[a-z0-9](?:Tests?|IT|Spec)\.(?:java|kt|kts|scala|groovy|cs|php|swift|m)$/;

/**
 * Test set-up and the test environment's configuration: Jest and Vitest set-up files, RSpec and
 * Minitest helpers, PHPUnit's configuration, Perl's `.t` files, and the settings a framework loads
 * for its test environment (`.env.test`, `appsettings.Test.json`, `application-test.yml`, Rails'
 * `config/environments/test.rb`, Django's `settings/test.py`, Elixir's `config/test.exs`).
 */
const TEST_SETUP_NAME =
  /^(?:setuptests|jest\.setup|vitest\.setup|test[-_.]?setup|test_helper|spec_helper)\.[a-z]+$|^phpunit\.xml(?:\.dist)?$|^\.env\.test(?:ing)?$|^test\.env$|^appsettings\.test(?:ing)?\.json$|^application-test\.(?:ya?ml|properties)$|\.t$/;
const TEST_ENVIRONMENT_FILE = /^test(?:ing)?\.(?:rb|py|exs|ya?ml|json|toml)$/;
const ENVIRONMENT_DIRS = new Set(['environments', 'settings', 'config', 'envs', 'environment']);

/** Storybook stories: components shown with made-up props (`Login.stories.tsx`). */
const STORIES_NAME = /\.stories\.(?:[jt]sx?|mdx|svelte|vue)$/;

const EXAMPLE_DIRS = new Set(['example', 'examples', '_examples', 'sample', 'samples', 'demo', 'demos']);

/** `.env.example`, `config.php.dist`, `settings.sample.yaml`, `credentials.template`, `example.env`, `example_config.go`. */
const EXAMPLE_NAME = /(?:\.(?:example|sample|dist|template)|[._-](?:example|sample)\.[a-z0-9]+|^(?:example|sample)\.env)$|^(?:examples?|samples?)[_-][\w.-]+\.[a-z0-9]+$/;

const DOCS_DIRS = new Set(['docs', 'doc', 'documentation', 'guides', 'guide', 'tutorials', 'tutorial', 'wiki', 'man']);
/** Manual page sections inside the tree (`man1/`, `man3/`). */
const MAN_SECTION_DIR = /^man[1-9]$/;
/**
 * Documentation by extension, the plain-text files GNU-style projects and generators ship (`README`,
 * `INSTALL`, a generator's `USAGE`), and API descriptions (`swagger.yaml`, `openapi.json`), whose values are examples.
 */
const DOCS_NAME = /(?:\.(?:md|markdown|mdx|rst|adoc|asciidoc|rdoc|pod|ronn)|^(?:readme|changelog|changes|contributing|authors|usage|install|news|hacking|thanks|faq)(?:\.txt)?|^(?:swagger|openapi)(?:[._-][\w.-]*)?\.(?:json|ya?ml))$/;

/**
 * The parts of a path, lower-cased where matching is by name: `\` separators (Windows, ticket
 * exports written on Windows) count as `/`; `.` segments and a drive letter are dropped.
 */
function split(path: string): { dirs: string[]; name: string; casedName: string } {
  const parts = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((p, i) => p !== '' && p !== '.' && !(i === 0 && /^[a-zA-Z]:$/.test(p)));
  const casedName = parts.pop() ?? '';
  return { dirs: parts.map((p) => p.toLowerCase()), name: casedName.toLowerCase(), casedName };
}

/** Whether the first lines of a file declare it generated (`Code generated … DO NOT EDIT`, `@generated`). */
export function declaresGenerated(head: string): boolean {
  const text = leadingLines(head).toLowerCase();
  if (text.includes('@generated') || text.includes('autogenerated') || text.includes('auto-generated')) return true;
  if (text.includes('automatically generated') || text.includes('machine generated') || text.includes('machine-generated')) return true;
  // Go's convention (`// Code generated by protoc-gen-go. DO NOT EDIT.`) and its relatives.
  const doNotEdit = text.includes('do not edit') || text.includes('do not modify');
  return doNotEdit && (text.includes('code generated') || text.includes('generated by') || text.includes('this file is generated') || text.includes('file was generated'));
}

/**
 * Whether the first lines of a file say it is test data: known-answer test vectors (NIST's `# CAVS`
 * response files, `test vectors for …`). Such files hold keys by the thousand, all of them made up.
 */
export function declaresTestData(head: string): boolean {
  const text = leadingLines(head).toLowerCase();
  return text.includes('test vector') || /(?:^|[^a-z])cavs(?:[^a-z]|$)/.test(text) || text.includes('known answer test') || text.includes('known-answer test');
}

/** The first MARKER_LINES lines of `head`, at most MARKER_CHARS characters. */
function leadingLines(head: string): string {
  let end = Math.min(head.length, MARKER_CHARS);
  let newlines = 0;
  for (let i = 0; i < end; i++) {
    if (head.charCodeAt(i) === 10 && ++newlines === MARKER_LINES) {
      end = i;
      break;
    }
  }
  return head.slice(0, end);
}

/**
 * The context of a file at `path` (relative to the scanned root). `head`, when given, is the start
 * of its content; only its first MARKER_LINES lines (at most MARKER_CHARS characters) are read.
 */
export function classifyContext(path: string, head?: string): FindingContext {
  const { dirs, name, casedName } = split(path);
  if (dirs.some((d) => VENDOR_DIRS.has(d))) return 'vendor';
  // Python packaging writes `*.egg-info/` and `*.dist-info/` (metadata, entry points, the README copied as PKG-INFO).
  if (dirs.some((d) => GENERATED_DIRS.has(d) || PACKAGING_METADATA_DIR.test(d)) || GENERATED_NAMES.has(name) || GENERATED_SUFFIX.test(name)) return 'generated';
  if (
    dirs.some((d) => TEST_DIRS.has(d) || DOTNET_TEST_PROJECT.test(d) || TEST_SUPPORT_DIR.test(d)) ||
    TEST_NAME_LOWER.test(name) ||
    TEST_NAME_CASED.test(casedName) ||
    TEST_SETUP_NAME.test(name) ||
    (TEST_ENVIRONMENT_FILE.test(name) && ENVIRONMENT_DIRS.has(dirs[dirs.length - 1] ?? ''))
  )
    return 'test';
  if (dirs.some((d) => EXAMPLE_DIRS.has(d)) || EXAMPLE_NAME.test(name) || STORIES_NAME.test(name)) return 'example';
  if (dirs.some((d) => DOCS_DIRS.has(d) || MAN_SECTION_DIR.test(d)) || DOCS_NAME.test(name)) return 'docs';
  if (head !== undefined && declaresGenerated(head)) return 'generated';
  if (head !== undefined && declaresTestData(head)) return 'test';
  return 'source';
}

/**
 * The context of a finding from where it was found. A ticket, chat message or support export is not
 * code: whatever its file is called, what people pasted there counts as `source`, so it is never
 * taken for a fixture. Standard input has no path to judge and is `source` too. In a source file, a
 * finding on a comment line (`location.comment`) is `docs`.
 */
export function contextOfOrigin(origin: { source: string; path: string; comment?: true }, head?: string): FindingContext {
  if (origin.source === 'ticket' || origin.path === '' || origin.path === '-') return 'source';
  const context = classifyContext(origin.path, head);
  // A comment in a source file is its documentation: examples of settings and calls are written there.
  return context === 'source' && origin.comment === true ? 'docs' : context;
}
