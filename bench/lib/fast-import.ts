/** Build benchmark repositories quickly: one `git fast-import` process instead of git runs per commit. */
import { spawn } from 'node:child_process';

/** A fast-import stream writer: commands and inline data, bytes counted exactly. */
export class FastImport {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly flush: (data: Buffer) => void) {}
  line(text: string): void {
    this.push(Buffer.from(`${text}\n`, 'utf8'));
  }
  data(content: string): void {
    const bytes = Buffer.from(content, 'utf8');
    this.line(`data ${bytes.length}`);
    this.push(bytes);
    this.push(Buffer.from('\n'));
  }
  private push(b: Buffer): void {
    this.chunks.push(b);
    this.size += b.length;
    if (this.size > 4 * 1024 * 1024) this.drain();
  }
  drain(): void {
    if (this.chunks.length === 0) return;
    this.flush(Buffer.concat(this.chunks));
    this.chunks.length = 0;
    this.size = 0;
  }
}

/** Pipe a fast-import stream into `git fast-import` in `dir`. */
export async function fastImport(dir: string, write: (fi: FastImport) => Promise<void> | void): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
  const errors: Buffer[] = [];
  child.stderr.on('data', (d: Buffer) => errors.push(d));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const fi = new FastImport((data) => {
    child.stdin.write(data);
  });
  await write(fi);
  fi.line('done');
  fi.drain();
  child.stdin.end();
  const code = await closed;
  if (code !== 0) throw new Error(`git fast-import failed: ${Buffer.concat(errors).toString('utf8')}`);
}
