/**
 * Delivering output: write errors on standard output or an `--output` file end the run with exit 3
 * and one clear line, never with a stack trace or exit 1 (which means "findings"). Kept apart from
 * output.ts so the dispatcher can install the guard without loading any formatter.
 *
 * A reader that goes away first (`sprawlguard scan | head`) gets no message: that is how pipes end.
 * The exit code is still 3, because the report was not delivered whole.
 */
import { SprawlguardError } from '../errors.js';

/** The report could not be delivered. `quiet` for a closed pipe (EPIPE). */
export class OutputError extends SprawlguardError {
  /** Set once the message has been printed, so it is printed once. */
  reported = false;

  constructor(
    message: string,
    readonly quiet = false,
  ) {
    super('environment', message);
  }
}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EPIPE: 'the reader closed the pipe',
  EAGAIN: 'the reader is not keeping up',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
};

/** `no space left on device (ENOSPC)`: what went wrong, without a stack trace. */
export function describeWriteError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? 'error';
  return WRITE_ERRORS[code] !== undefined ? `${WRITE_ERRORS[code]} (${code})` : error.message || code;
}

/** Print an OutputError's message on standard error, at most once; quiet ones never. */
export function reportOutputError(error: OutputError): void {
  if (!error.quiet && !error.reported) process.stderr.write(`sprawlguard: ${error.message}\n`);
  error.reported = true;
}

let stdoutFailure: OutputError | undefined;

/** The first write error of standard output in this run: later ones are the same failure. */
function recordStdoutError(error: NodeJS.ErrnoException): OutputError {
  stdoutFailure ??=
    error.code === 'EPIPE'
      ? new OutputError('standard output was closed before the report was written (EPIPE)', true)
      : new OutputError(`cannot write to standard output: ${describeWriteError(error)}`);
  return stdoutFailure;
}

function onStdoutError(error: NodeJS.ErrnoException): void {
  const failure = recordStdoutError(error);
  // A write that fails after the command returned must still change the exit code, and say why.
  reportOutputError(failure);
  process.exitCode = 3;
}

/**
 * Catch write errors on standard output for the whole run, including writes a command makes
 * directly: without a listener they are uncaught exceptions (a stack trace and exit 1).
 */
export function guardStdout(): void {
  if (!process.stdout.listeners('error').includes(onStdoutError)) process.stdout.on('error', onStdoutError);
}

/** The write error standard output had in this run, if any. */
export function stdoutError(): OutputError | undefined {
  return stdoutFailure;
}

/** Write to standard output; a failed write rejects with the run's OutputError. */
export function writeToStdout(text: string): Promise<void> {
  guardStdout();
  if (stdoutFailure) return Promise.reject(stdoutFailure);
  return new Promise<void>((resolve, reject) =>
    process.stdout.write(text, (error?: NodeJS.ErrnoException | null) => {
      if (error) reject(recordStdoutError(error));
      else resolve();
    }),
  );
}
