import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const IO_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https'];
const noIo = (message) => IO_MODULES.map((name) => ({ name, message }));
/** Imports of src/cli/ from outside it. */
const CLI_ONLY = {
  regex: '(^|/)cli/',
  message: 'src/cli/ is argument parsing and printing: move what you need into pipeline/, sources/, findings/ or config/, or pass it as an argument',
};

export default tseslint.config(
  { ignores: ['lib/', 'dist/', 'node_modules/', 'coverage/', 'bench/.corpus/', 'bench/.work/', 'bench/accuracy/realistic/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // cli/ is argument parsing and printing: nothing else may depend on it (the Action, the
    // pipeline and the sources run without it). A flat config replaces a rule's options per file,
    // so the pure-module blocks below repeat this pattern.
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [CLI_ONLY] }],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/(^|\\/)cli\\//]', message: CLI_ONLY.message }],
    },
  },
  {
    // engine/ and rules/ are pure: no file, process or network I/O.
    files: ['src/engine/**/*.ts', 'src/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noIo('engine/ and rules/ stay pure: do I/O in sources/, config/ or cli/'), patterns: [CLI_ONLY] }],
    },
  },
  {
    // A report format is a pure function of its model: no I/O, no cli/.
    files: ['src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noIo('report/ formats are pure: the caller reads and writes'), patterns: [CLI_ONLY] }],
    },
  },
);
