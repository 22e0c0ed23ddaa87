// Runs a Node CLI entry point inside this process, exactly as `node <entry> <args…>` would, and at
// exit writes the whole process's resource usage (all threads: getrusage(RUSAGE_SELF)) as one JSON
// line to file descriptor 3. The benchmark reads it to report the peak RSS of that one run.
// Plain JavaScript on purpose: it must start as fast as the tool itself, without a TypeScript loader.
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node child-runner.mjs <entry.js> [args…]\n');
  process.exit(2);
}

process.on('exit', (code) => {
  const usage = process.resourceUsage();
  const line = JSON.stringify({
    maxRssKiB: usage.maxRSS,
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
