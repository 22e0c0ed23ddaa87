/**
 * The npm package as users receive it: what `npm pack` puts in it, the metadata registries show,
 * and a compiled rule pack that still counts as current once npm has reset every file's time.
 * (Installing the packed tarball into a fresh prefix and scanning with it is scripts/check-package.mjs,
 * run by .ci/run: it needs the npm registry.)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli.js';
import { makeTempDir } from './support/temp.js';

interface PackageJson {
  license: string;
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
  keywords: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;

function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
}

/** Every import specifier of a bare package in the CLI's sources (the Action's are bundled separately). */
function cliImports(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (abs !== path.join(REPO_ROOT, 'src', 'action')) walk(abs);
      } else if (entry.name.endsWith('.ts')) {
        for (const m of readFileSync(abs, 'utf8').matchAll(/\bfrom '([^'.][^']*)'|import\('([^'.][^']*)'\)/g)) {
          const spec = (m[1] ?? m[2]) as string;
          if (spec.startsWith('node:')) continue;
          found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));
        }
      }
    }
  };
  walk(path.join(REPO_ROOT, 'src'));
  return found;
}

describe('the npm package', () => {
  it('ships the CLI, its compiled rule pack, the rules, the hook script and the licence; no source maps, sources or Action code', () => {
    const files = packedFiles();
    for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/sprawlguard.js', 'lib/cli/main.js', 'lib/rules.json', 'hooks/pre-commit']) expect(files).toContain(f);
    expect(files.some((f) => /^rules\/.+\.yaml$/.test(f))).toBe(true);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('lib/action/'))).toEqual([]);
  });

  it('carries its licence text and the metadata registries show', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const licence = readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8');
    expect(licence).toContain('Apache License');
    expect(licence).toContain('Version 2.0, January 2004');
    expect(pkg.repository.url).toBe('git+https://github.com/sprawlguard/sprawlguard.git');
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/sprawlguard\/sprawlguard/);
    expect(pkg.bugs.url).toBe('https://github.com/sprawlguard/sprawlguard/issues');
    expect(pkg.keywords.length).toBeGreaterThan(3);
  });

  it('depends at run time only on what the CLI imports; the Action libraries are build-time only', () => {
    const used = cliImports();
    expect(Object.keys(pkg.dependencies).filter((d) => !used.has(d))).toEqual([]);
    expect(Object.keys(pkg.dependencies).filter((d) => d.startsWith('@actions/'))).toEqual([]);
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['@actions/core', '@actions/github']));
  });

  it('runs no script during `npm pack` that prints to its standard output (the pre-commit framework reads the tarball name there)', () => {
    const npmrc = readFileSync(path.join(REPO_ROOT, '.npmrc'), 'utf8');
    expect(npmrc).toMatch(/^foreground-scripts=false$/m);
  });
});

describe('the compiled rule pack in an installed package', () => {
  /** A copy of the built package whose rule files carry npm's fixed pack date, as after `npm install`. */
  function installedCopy(): string {
    const dir = makeTempDir('sprawlguard-installed-');
    for (const part of ['lib', 'rules', 'package.json']) cpSync(path.join(REPO_ROOT, part), path.join(dir, part), { recursive: true });
    const packDate = new Date('1985-10-26T08:15:00Z');
    for (const name of readdirSync(path.join(dir, 'rules'))) utimesSync(path.join(dir, 'rules', name), packDate, packDate);
    return dir;
  }

  async function compiledRulesIn(dir: string): Promise<unknown[] | undefined> {
    const pack = (await import(pathToFileURL(path.join(dir, 'lib', 'config', 'rule-pack.js')).href)) as { readPackedRules(): unknown[] | undefined };
    return pack.readPackedRules();
  }

  it('is used when the rule files have the contents it was compiled from, whatever their times', async () => {
    expect((await compiledRulesIn(installedCopy()))?.length).toBeGreaterThan(100);
  });

  it('is not used once a rule file changed', async () => {
    const dir = installedCopy();
    const file = path.join(dir, 'rules', readdirSync(path.join(dir, 'rules'))[0] as string);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# edited\n`);
    expect(await compiledRulesIn(dir)).toBeUndefined();
  });
});
