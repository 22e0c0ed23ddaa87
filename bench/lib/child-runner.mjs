// Runs a Node CLI entry point inside this process, exactly as `node <entry> <args…>` would, and at
// exit writes the whole process's resource usage as one JSON line to file descriptor 3. CPU time is
// getrusage(RUSAGE_SELF) (all threads). Peak RSS is VmHWM from /proc/self/status: getrusage's
// maxRSS on Linux starts from the parent's RSS at the fork, so a benchmark parent holding a large
// buffer would inflate it.
// Plain JavaScript on purpose: it must start as fast as the tool itself, without a TypeScript loader.
import { readFileSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node child-runner.mjs <entry.js> [args…]\n');
  process.exit(2);
}

process.on('exit', (code) => {
  const usage = process.resourceUsage();
  let peakKiB = usage.maxRSS;
  try {
    const hwm = /VmHWM:\s+([0-9]+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) peakKiB = Number(hwm[1]);
  } catch {
    // not Linux: keep getrusage's figure
  }
  const line = JSON.stringify({
    maxRssKiB: peakKiB,
    userCpuMicros: usage.userCPUTime,
    systemCpuMicros: usage.systemCPUTime,
    exitCode: code,
  });
  try {
    writeSync(3, `${line}\n`);
  } catch {
    // No fd 3 (run by hand): print nothing rather than mix it into the tool's output.
  }
});

process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(entry).href);
