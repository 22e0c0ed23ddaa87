/**
 * Command dispatcher. Commands are registered here with their options; each action imports its
 * implementation lazily so `scan --staged` in a pre-commit hook loads only what it uses.
 */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../config/load.js';
import { EXIT_INTERNAL, EXIT_USAGE, UsageError } from './errors.js';
import { toolVersion } from './version.js';

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('sprawlguard')
    .description('Find leaked credentials, every copy of them, and how long they live.')
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('scan')
    .description('scan files and directories (or - for standard input) for secrets')
    .argument('[paths...]', 'files or directories to scan; - reads standard input', ['.'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'csv', 'markdown']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-c, --config <file>', 'configuration file (default: .sprawlguard.yaml in the scan root)')
    .option('--show-secrets', 'include raw secrets in the output (off by default everywhere)', false)
    .option('--fingerprint-key <key>', 'HMAC key for fingerprints (env SPRAWLGUARD_FINGERPRINT_KEY)')
    .option('--exit-code <n>', 'exit code when findings are reported', '1')
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 10MiB)')
    .option('--min-confidence <level>', 'report only findings at or above this confidence (high, medium, low)')
    .option('--stdin-name <name>', 'path shown for standard input', '-')
    .option('-j, --jobs <n>', 'worker threads (default: one per core)')
    .option('--no-git', 'walk directories even inside a git work tree (scans ignored files too)')
    .option('--no-color', 'never colour text output')
    .option('-q, --quiet', 'no warnings on standard error', false)
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const { runScan } = await import('./scan.js');
      exitCode = await runScan(paths, opts);
    });

  const rules = program.command('rules').description('inspect and check detection rules');
  rules
    .command('list')
    .description('list the active rules')
    .option('-c, --config <file>', 'configuration file to apply (disabled and custom rules)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: Record<string, unknown>) => {
      const { runRulesList } = await import('./rules.js');
      exitCode = await runRulesList(opts);
    });
  rules
    .command('check')
    .description('lint rules: schema, unique ids, patterns, examples and negative examples')
    .argument('[files...]', 'rule files to check (default: the built-in rule pack)')
    .option('-c, --config <file>', 'also check the custom rules in this configuration file')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runRulesCheck } = await import('./rules.js');
      exitCode = await runRulesCheck(files, opts);
    });

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    return handleError(error);
  }
}

function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return EXIT_USAGE;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`sprawlguard: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`sprawlguard: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`sprawlguard: internal error: ${message}\n`);
  return EXIT_INTERNAL;
}
