/**
 * Command dispatcher. Commands are registered here with their options; each action imports its
 * implementation lazily so `scan --staged` in a pre-commit hook loads only what it uses.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { errorKind, errorText } from '../errors.js';
import { FORMATS } from '../report/scan/scan-formatter.js';
import { EXIT_USAGE, exitCodeFor } from './errors.js';
import type { Shell } from './completion.js';
import { applyHelp } from './help.js';
import { guardStdout, OutputError, reportOutputError, stdoutError } from './stdout.js';
import { toolVersion } from '../version.js';

export async function main(argv: readonly string[]): Promise<number> {
  guardStdout();
  let exitCode = 0;
  const program = new Command('sprawlguard')
    .description('Find leaked credentials, every copy of them, and how long they live.')
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');

  addSourceOptions(
    program
      .command('scan')
      .description('scan files and directories (or - for standard input), staged changes, a commit range or the git history'),
  )
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--show-secrets', 'include raw secrets in the output (off by default everywhere)', false)
    .option('--exit-code <n>', 'exit code when incidents are reported (fixtures in tests, docs and examples do not count)', '1')
    .option('--show-fixtures', 'text output: list fixtures too (generic matches in tests, docs, examples), not only their count', false)
    .option('--no-color', 'never colour text output')
    .option('--baseline <file>', 'report only findings that are not in this baseline file')
    .option('--verify', 'check each distinct secret with its provider (network; opt-in; logged to the audit log)', false)
    .option('--timeout <seconds>', 'with --verify: per-request timeout (default 10)')
    .option('--verify-deadline <seconds>', 'with --verify: end verification after this long; secrets not checked by then are unknown')
    .option('--record', 'record the findings in the sprawl inventory (default .sprawlguard/inventory.db)', false)
    .option('--db <path>', 'inventory file for --record (implies --record; env SPRAWLGUARD_DB)')
    .option('--explain', 'also list candidates that were not reported, with the reason (checksum, placeholder, allowlist …); scans on one thread')
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const { runScan } = await import('./scan.js');
      exitCode = await runScan(paths, opts);
    });

  const baseline = program.command('baseline').description('record accepted findings so later scans report only new ones');
  addSourceOptions(baseline.command('create').description('scan (same sources as `scan`) and write a baseline file, without raw secrets'))
    .option('-o, --output <file>', "baseline file to write (default: the config's baseline, else .sprawlguard-baseline.json, at the top of the repository for git sources)")
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const { runBaselineCreate } = await import('./scan.js');
      exitCode = await runBaselineCreate(paths, opts);
    });

  program
    .command('tickets')
    .description('scan ticket and chat exports (Jira, ServiceNow, Zendesk, GitHub issues, Linear, Slack)')
    .argument('<paths...>', 'export files, ZIP archives of exports, directories of exports, or an unzipped Slack export directory')
    .addOption(
      new Option('--format-hint <format>', 'read every input as this export format instead of detecting it').choices([
        'jira-csv', 'jira-xml', 'jira-json', 'servicenow-json', 'servicenow-csv', 'servicenow-xml',
        'zendesk-json', 'zendesk-jsonl', 'github-issues', 'linear-csv', 'slack',
      ]),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-c, --config <file>', 'configuration file (default: .sprawlguard.yaml in the first directory argument, else the cwd)')
    .option('--show-secrets', 'include raw secrets in the output (off by default everywhere)', false)
    .option('--fingerprint-key <key>', 'HMAC key for fingerprints (env SPRAWLGUARD_FINGERPRINT_KEY)')
    .option('--exit-code <n>', 'exit code when findings are reported', '1')
    .option('--base-url <url>', "the system's web address, for links the export lacks (Jira CSV, Slack, Linear, ServiceNow)")
    .option('--min-confidence <level>', 'report only findings at or above this confidence (high, medium, low)')
    .option('--zip-max-entries <n>', 'entries read from one ZIP archive (default 100000)')
    .option('--zip-max-bytes <size>', 'uncompressed bytes read from one ZIP archive, e.g. 500M, 20G (default 8G)')
    .option('--zip-max-ratio <n>', 'how far one ZIP entry may expand over its compressed size; above it, a zip bomb (default 200)')
    .option('--no-color', 'never colour text output')
    .option('-q, --quiet', 'no warnings on standard error', false)
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const { runTickets } = await import('./tickets.js');
      exitCode = await runTickets(paths, opts);
    });

  const hook = program.command('hook').description('manage the git pre-commit hook that runs `sprawlguard scan --staged`');
  hook
    .command('install')
    .description('install the pre-commit hook (husky when .husky/ exists, else .git/hooks or core.hooksPath)')
    .option('--repo <path>', 'repository (default: .)', '.')
    .action(async (opts: Record<string, unknown>) => {
      const { runHookInstall } = await import('./hook.js');
      exitCode = await runHookInstall(opts);
    });
  hook
    .command('uninstall')
    .description('remove only the line sprawlguard added to the pre-commit hook')
    .option('--repo <path>', 'repository (default: .)', '.')
    .action(async (opts: Record<string, unknown>) => {
      const { runHookUninstall } = await import('./hook.js');
      exitCode = await runHookUninstall(opts);
    });

  program
    .command('completion')
    .description('print a shell completion script: source <(sprawlguard completion bash)')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(['bash', 'zsh', 'fish']))
    .action(async (shell: Shell) => {
      const { completionScript } = await import('./completion.js');
      const { writeToStdout } = await import('./output.js');
      await writeToStdout(completionScript(program, shell));
    });

  addVerifyCommands(program, (code) => (exitCode = code));
  addSprawlCommands(program, (code) => (exitCode = code));

  program
    .command('import')
    .description("convert another scanner's configuration")
    .command('gitleaks')
    .description('write .sprawlguard.yaml (and a baseline from .gitleaksignore) from a gitleaks configuration, reporting what does not translate')
    .argument('[file]', 'gitleaks configuration', '.gitleaks.toml')
    .option('-o, --output <file>', 'configuration file to write (default: .sprawlguard.yaml)')
    .option('--stdout', 'print the configuration instead of writing it', false)
    .option('--force', 'overwrite existing output files', false)
    .option('--ignore-file <file>', 'gitleaks ignore file (default: .gitleaksignore next to the configuration, else in the current directory)')
    .option('--baseline-output <file>', 'baseline to write from the ignore file (default: .sprawlguard-baseline.json)')
    .option('--repo <path>', 'repository the ignore file\'s commits and paths refer to (default: .)')
    .option('--fingerprint-key <key>', 'HMAC key for the baseline\'s fingerprints (env SPRAWLGUARD_FINGERPRINT_KEY)')
    .action(async (file: string, opts: Record<string, unknown>) => {
      const { runImportGitleaks } = await import('./import-gitleaks.js');
      exitCode = await runImportGitleaks(file, opts);
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

  applyHelp(program);
  try {
    await program.parseAsync([...argv]);
    // A command that wrote to standard output directly learns of a failed write only here.
    const failed = stdoutError();
    if (failed) return handleError(failed);
    return exitCode;
  } catch (error) {
    return handleError(error);
  }
}

/** `verify`, `revoke` and `audit check`: provider checks, revocation and the audit trail. */
function addVerifyCommands(program: Command, setExitCode: (code: number) => void): void {
  const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
  const common = (command: Command): Command =>
    command
      .argument('<report>', 'a report written by `scan --format json`')
      .option('--root <dir>', 'directory the report\'s paths are relative to (default: the scan root the report records, else .)')
      .option('-c, --config <file>', 'configuration file with custom rules')
      .option('--fingerprint-key <key>', 'HMAC key the report\'s fingerprints were made with (env SPRAWLGUARD_FINGERPRINT_KEY)')
      .option('--rule <id>', 'only findings of this rule (repeatable)', collect)
      .option('--fingerprint <fp>', 'only the secret with this fingerprint (repeatable)', collect)
      .option('--audit-log <file>', 'audit log to append to (default: .sprawlguard/audit.jsonl, env SPRAWLGUARD_AUDIT_LOG)')
      .option('--concurrency <n>', 'checks in flight at once (default 8; at most 2 per provider)')
      .option('--timeout <seconds>', 'per-request timeout (default 10)')
      .option('--verify-deadline <seconds>', 'end verification after this long; secrets not checked by then are unknown')
      .option('--db <path>', 'also record verdicts (and revocations) in this sprawl inventory')
      .option('-q, --quiet', 'no summary on standard error', false);

  common(program.command('verify').description('check whether the secrets of a report are live, re-reading each from its recorded location'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('json'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--exit-code <n>', 'exit code when a live secret is found', '1')
    .option('--no-color', 'never colour text output')
    .action(async (report: string, opts: Record<string, unknown>) => {
      const { runVerify } = await import('./verify.js');
      setExitCode(await runVerify(report, opts));
    });

  common(program.command('revoke').description('revoke the live secrets of a report at their providers (dry run unless --confirm)'))
    .option('--confirm', 'act: revoke every selected secret verified live in this run', false)
    .option('--aws-profile <name>', 'operator credentials (~/.aws/credentials) that deactivate AWS keys')
    .option('--aws-delete', 'delete AWS keys instead of deactivating them (irreversible)', false)
    .option('--shopify-uninstall', 'allow revoking Shopify tokens, which uninstalls their app from the store', false)
    .option('--twilio-rotate', 'allow rotating Twilio auth tokens (breaks every service still using them)', false)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (report: string, opts: Record<string, unknown>) => {
      const { runRevoke } = await import('./revoke.js');
      setExitCode(await runRevoke(report, opts));
    });

  program
    .command('audit')
    .description('inspect the verification and revocation audit log')
    .command('check')
    .description('prove the audit log\'s hash chain intact, or report the first broken entry (exit 1)')
    .argument('[file]', 'audit log (default: .sprawlguard/audit.jsonl, env SPRAWLGUARD_AUDIT_LOG)')
    .option('--head <hash>', 'also require the last entry to have this hash (from an earlier check)')
    .action(async (file: string | undefined, opts: Record<string, unknown>) => {
      const { runAuditCheck } = await import('./audit.js');
      setExitCode(await runAuditCheck(file, opts));
    });
}

/** `org scan`, `org list`, `sprawl report` and `sprawl merge`: the inventory across repositories. */
function addSprawlCommands(program: Command, setExitCode: (code: number) => void): void {
  const org = program.command('org').description('scan many repositories (a GitHub organization, or a list) into the inventory');
  const listing = (command: Command): Command =>
    command
      .option('--github-org <org>', 'list the repositories of this GitHub organization through the REST API')
      .option('--include-forks', 'include forks (left out by default)', false)
      .option('--include-archived', 'include archived repositories (left out by default)', false)
      .option('--token-env <name>', 'environment variable holding the GitHub token', 'GITHUB_TOKEN')
      .option('--api-url <url>', 'GitHub API URL (GitHub Enterprise Server: https://HOST/api/v3)', 'https://api.github.com')
      .option('-q, --quiet', 'no progress on standard error', false);
  listing(org.command('scan').description('fetch (into a clone cache) and scan the full history of each repository, recording it in the inventory'))
    .option('--repos <file>', 'scan these repositories instead: one clone URL or local path per line')
    .option('--cache <dir>', 'bare mirror clones kept between runs', '.sprawlguard/repos')
    .option('--db <path>', 'inventory file (default .sprawlguard/inventory.db; env SPRAWLGUARD_DB)')
    .option('--shard <i/n>', 'scan only shard I of N (0-based; stable: by hash of the repository name)')
    .option('--out <file>', "write this run's repositories, secrets and occurrences (fingerprints only) to a shard file for `sprawl merge`")
    .option('-c, --config <file>', 'configuration file (default: .sprawlguard.yaml in the current directory; scanned repositories\' own are not read)')
    .option('--fingerprint-key <key>', 'HMAC key for fingerprints (env SPRAWLGUARD_FINGERPRINT_KEY)')
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 10MiB)')
    .option('--min-confidence <level>', 'record only findings at or above this confidence (high, medium, low)')
    .option('-j, --jobs <n>', 'worker threads per repository (default: one per core)')
    .option('--concurrency <n>', 'repositories fetched and scanned at once', '2')
    .option('--timeout <seconds>', 'give up on a repository (fetch and scan) after this long', '3600')
    .option('--force', 'scan every repository, even those unchanged since their last scan', false)
    .action(async (opts: Record<string, unknown>) => {
      const { runOrgScan } = await import('./org.js');
      setExitCode(await runOrgScan(opts));
    });
  listing(org.command('list').description('print the repositories an org scan would cover, one clone URL per line (the --repos format)'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the list to a file instead of standard output')
    .action(async (opts: Record<string, unknown>) => {
      const { runOrgList } = await import('./org.js');
      setExitCode(await runOrgList(opts));
    });

  const sprawl = program.command('sprawl').description('the inventory: sprawl report, merging shard outputs');
  sprawl
    .command('report')
    .description('every secret in the inventory: where it is, how far it spread, how long it lives')
    .option('--db <path>', 'inventory file (default .sprawlguard/inventory.db; env SPRAWLGUARD_DB)')
    .addOption(new Option('-f, --format <format>', 'output format (csv: the remediation queue, one row per secret)').choices(['text', 'json', 'markdown', 'html', 'csv']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--audit-log <file>', 'audit log whose confirmed revocations count towards time to revoke (default: .sprawlguard/audit.jsonl when present, env SPRAWLGUARD_AUDIT_LOG)')
    .action(async (opts: Record<string, unknown>) => {
      const { runSprawlReport } = await import('./sprawl.js');
      setExitCode(await runSprawlReport(opts));
    });
  sprawl
    .command('merge')
    .description('merge shard files from `org scan --out` (or JSON reports of scan/tickets) into one inventory')
    .argument('<files...>', 'shard files (JSON Lines) or `--format json` reports')
    .option('--db <path>', 'inventory file to merge into (default .sprawlguard/inventory.db; env SPRAWLGUARD_DB)')
    .option('--repo <name>', 'repository the findings of a JSON report belong to, when they do not say (e.g. acme/api)')
    .option('-q, --quiet', 'no summary on standard error', false)
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runSprawlMerge } = await import('./sprawl.js');
      setExitCode(await runSprawlMerge(files, opts));
    });
}

/** Options that choose what is scanned; shared by `scan` and `baseline create`. */
function addSourceOptions(command: Command): Command {
  return command
    .argument('[paths...]', 'files or directories to scan; - reads standard input', ['.'])
    .option('-c, --config <file>', 'configuration file (default: .sprawlguard.yaml in the scan root)')
    .option('--fingerprint-key <key>', 'HMAC key for fingerprints (env SPRAWLGUARD_FINGERPRINT_KEY)')
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 10MiB)')
    .option('--min-confidence <level>', 'report only findings at or above this confidence (high, medium, low)')
    .option('--stdin-name <name>', 'path shown for standard input', '-')
    .option('-j, --jobs <n>', 'worker threads (default: one per core)')
    .option('--no-git', 'walk directories even inside a git work tree (scans ignored files too)')
    .option('-q, --quiet', 'no warnings on standard error', false)
    .option('--staged', 'scan what is staged for the next commit (only the lines it adds)')
    .option('--diff <range>', 'scan the lines added by the commits in BASE..HEAD (or BASE...HEAD)')
    .option('--since-commit <sha>', 'scan the lines added since a commit (same as --diff SHA..HEAD)')
    .option('--history', 'scan every line ever added in the reachable history of all refs')
    .option('--branch <ref>', 'with --history: only the history of this ref')
    .option('--since <date>', 'with --history: only commits after this date')
    .option('--repo <path>', 'repository for --staged, --diff and --history (default: .)')
    .option('--fetch-missing', 'with --diff or --history in a partial clone: fetch the objects the scan needs in one batch first');
}

function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    // `help` asked for is 0; help shown because a command was missing (`sprawlguard`, `sprawlguard hook`) is a usage error.
    if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : EXIT_USAGE;
    return EXIT_USAGE;
  }
  if (error instanceof OutputError) {
    reportOutputError(error);
    return exitCodeFor(error);
  }
  // What the user can fix is said in one line; anything else is a bug, reported with its stack.
  process.stderr.write(`sprawlguard: ${errorKind(error) === 'internal' ? 'internal error: ' : ''}${errorText(error)}\n`);
  return exitCodeFor(error);
}
