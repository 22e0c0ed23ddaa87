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

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
