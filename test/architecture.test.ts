/**
 * The shape the lint keeps: src/cli/ is argument parsing and printing, and nothing else depends on
 * it (the Action, the pipeline and the sources run without it). Checked through ESLint with the
 * repository's own configuration, as `npm run lint` does.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: ROOT });

async function messagesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('src/cli/ is imported from nowhere else', () => {
  it.each(['src/pipeline/probe.ts', 'src/action/probe.ts', 'src/sources/probe.ts', 'src/engine/probe.ts'])('%s may not import it', async (file) => {
    const messages = await messagesFor(file, "import { EXIT_CLEAN } from '../cli/errors.js';\nexport const probe = EXIT_CLEAN;\n");
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-imports: .*src\/cli\/ is argument parsing and printing/)]);
  });

  it('nor load it lazily', async () => {
    const messages = await messagesFor('src/action/probe.ts', "export const probe = () => import('../cli/errors.js');\n");
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-syntax: src\/cli\/ is argument parsing and printing/)]);
  });

  it('while the CLI itself may', async () => {
    expect(await messagesFor('src/cli/probe.ts', "import { EXIT_CLEAN } from './errors.js';\nexport const probe = EXIT_CLEAN;\n")).toEqual([]);
  });

  it('and the pure modules still may not do I/O', async () => {
    const messages = await messagesFor('src/engine/probe.ts', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n");
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-imports: .*engine\/ and rules\/ stay pure/)]);
  });
});
