/** Real git repositories in temp directories for tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export class TestRepo {
  readonly dir: string;
  private tick = 0;

  constructor(dir?: string, options: { bare?: boolean; init?: boolean } = {}) {
    this.dir = dir ?? mkdtempSync(path.join(tmpdir(), 'sprawlguard-git-'));
    if (options.init !== false) {
      this.git('init', '-q', ...(options.bare ? ['--bare'] : []), '-b', 'main');
      this.git('config', 'user.name', 'Test Author');
      this.git('config', 'user.email', 'author@tests.invalid');
      this.git('config', 'commit.gpgsign', 'false');
    }
  }

  git(...args: string[]): string {
    // Fixed, increasing dates make commit order deterministic.
    const date = `2026-01-01T00:${String(Math.floor(this.tick / 60)).padStart(2, '0')}:${String(this.tick % 60).padStart(2, '0')}Z`;
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  write(file: string, content: string | Buffer): this {
    const abs = path.join(this.dir, file);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return this;
  }

  /** Stage everything and commit; returns the new commit id. */
  commit(message: string, files: Record<string, string | Buffer | null> = {}): string {
    for (const [file, content] of Object.entries(files)) {
      if (content === null) this.git('rm', '-q', '--', file);
      else this.write(file, content);
    }
    this.git('add', '-A');
    this.tick++;
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  /**
   * Many commits at once through `git fast-import` (one process instead of two per commit), on
   * top of the current branch. `files(i)` gives commit i's changed files (full contents).
   */
  bulkCommits(count: number, files: (i: number) => Record<string, string>, branch = 'main'): void {
    let parent = '';
    try {
      parent = this.git('rev-parse', '--verify', '--quiet', branch).trim();
    } catch {
      // an unborn branch: the first commit has no parent
    }
    const parts: Buffer[] = [];
    const data = (text: string): void => {
      const bytes = Buffer.from(text);
      parts.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n'));
    };
    for (let i = 0; i < count; i++) {
      this.tick++;
      const when = 1_767_225_600 + this.tick;
      parts.push(Buffer.from(`commit refs/heads/${branch}\nmark :${i + 1}\nauthor Test Author <author@tests.invalid> ${when} +0000\ncommitter Test Author <author@tests.invalid> ${when} +0000\n`));
      data(`c${i}`);
      if (i > 0) parts.push(Buffer.from(`from :${i}\n`));
      else if (parent) parts.push(Buffer.from(`from ${parent}\n`));
      for (const [file, content] of Object.entries(files(i))) {
        parts.push(Buffer.from(`M 100644 inline ${file}\n`));
        data(content);
      }
    }
    parts.push(Buffer.from('done\n'));
    execFileSync('git', ['fast-import', '--quiet', '--done'], { cwd: this.dir, input: Buffer.concat(parts), stdio: ['pipe', 'pipe', 'pipe'] });
    if (!this.git('rev-parse', '--is-bare-repository').startsWith('true')) this.git('reset', '-q', '--hard', branch);
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
