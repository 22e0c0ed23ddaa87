// Build the GitHub Action into dist/ (committed: the runner executes it with no npm install).
//   dist/index.js       the Action, one ESM file with every dependency bundled
//   dist/git-worker.js  the worker thread history scans start next to it (the git source resolves
//                       `./git-worker.js` relative to its own module, which in the bundle is index.js)
//   dist/rules.json     the validated rule pack, examples stripped (the bundle has no rules/*.yaml);
//                       src/config/rule-pack.ts writes and reads it, as it does lib/rules.json
// Reproducible: same sources, same bytes (no timestamps, no absolute paths), so CI can rebuild and
// `git diff --exit-code dist/` proves the committed bundle is current. Pure JavaScript only: a
// native add-on (better-sqlite3, *.node) in the bundle is a build error.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** The CLI reads its version from package.json beside lib/; the bundle has it baked in. */
const bakedVersion = {
  name: 'baked-version',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]version\.ts$/ }, () => ({
      contents: `export function toolVersion(): string { return ${JSON.stringify(version)}; }\n`,
      loader: 'ts',
    }));
  },
};

/** The Action must stay pure JavaScript: it runs on any runner without a compiler. */
const noNativeAddons = {
  name: 'no-native-addons',
  setup(b) {
    b.onResolve({ filter: /(^better-sqlite3$|^bindings$|\.node$)/ }, (args) => ({
      errors: [{ text: `${args.path} is a native add-on and cannot be in the Action bundle (imported by ${path.relative(root, args.importer)})` }],
    }));
  },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);

await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/action/index.ts', 'git-worker': 'src/sources/git/git-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  charset: 'utf8',
  legalComments: 'eof',
  // Keep module paths as they appear under node_modules/, even where it is a symlink, so the
  // bundle's path comments (and so its bytes) do not depend on how the checkout is laid out.
  preserveSymlinks: true,
  // Bundled CommonJS dependencies call require() for Node built-ins; ESM has no require of its own.
  banner: { js: "import { createRequire as __sprawlguardCreateRequire } from 'node:module';\nconst require = __sprawlguardCreateRequire(import.meta.url);" },
  plugins: [bakedVersion, noNativeAddons],
  logLevel: 'warning',
});

const { builtinRulesDir, packText, readRuleDir, RULE_PACK_FILE } = await tsImport('../src/config/rule-pack.ts', import.meta.url);
const { buildRulePack } = await tsImport('../src/config/builtin-rules.ts', import.meta.url);
const { formatProblem } = await tsImport('../src/rules/problem.ts', import.meta.url);
const { rules, problems } = buildRulePack(readRuleDir(builtinRulesDir()));
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`${problems.length} rule problem(s); build-action: dist/ is incomplete`);
  process.exit(1);
}
// Examples exist for the test suite; the Action only needs what detection reads.
const shipped = rules.map((rule) => ({ ...rule, examples: [], negative_examples: [] }));
writeFileSync(path.join(dist, RULE_PACK_FILE), `${packText(shipped)}\n`);
// The bundle is ESM whatever package.json beside it says.
writeFileSync(path.join(dist, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);

const sizes = readdirSync(dist).map((name) => `${name} ${(readFileSync(path.join(dist, name)).length / 1024).toFixed(0)} KiB`);
console.log(`build-action: ${rules.length} rules; ${sizes.join(', ')}`);
