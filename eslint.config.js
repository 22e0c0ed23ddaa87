import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const IO_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https'];
const noIo = (message) => IO_MODULES.map((name) => ({ name, message }));
const NO_CLI = { group: ['**/cli/*'], message: 'cli/ depends on the domains, never the other way: pass what is needed as an argument' };

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
    // engine/ and rules/ are pure: no file, process or network I/O.
    files: ['src/engine/**/*.ts', 'src/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noIo('engine/ and rules/ stay pure: do I/O in sources/, config/ or cli/') }],
    },
  },
  {
    // The domains do the work and take what they need as arguments; cli/ parses options and prints.
    files: ['src/inventory/**/*.ts', 'src/org/**/*.ts', 'src/verify/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_CLI] }],
    },
  },
  {
    // A report format is a pure function of its model: no I/O, no cli/.
    files: ['src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noIo('report/ formats are pure: the caller reads and writes'), patterns: [NO_CLI] }],
    },
  },
);
