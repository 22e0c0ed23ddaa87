/**
 * What `--help` shows beyond the option list: examples, the environment variables sprawlguard reads
 * and the exit codes, and option lines without a `(default: false)` on every switch.
 */
import { Help, type Command, type Option } from 'commander';

const ROOT_HELP = `
Examples:
  sprawlguard scan                              scan the current directory
  sprawlguard scan --staged                     what the next commit adds (the pre-commit hook)
  sprawlguard scan --diff origin/main...HEAD    the lines a branch adds (a pull request)
  sprawlguard scan --history -f json -o h.json  every line ever added, as a JSON report
  sprawlguard scan --explain config.yml         also list candidates that were not reported, and why
  sprawlguard tickets jira-export.csv           ticket and chat exports
  sprawlguard help scan                         every option of a command
  source <(sprawlguard completion bash)         shell completion (also zsh, fish)

Environment variables:
  SPRAWLGUARD_FINGERPRINT_KEY  HMAC key for fingerprints (as --fingerprint-key)
  SPRAWLGUARD_DB               sprawl inventory file (as --db)
  SPRAWLGUARD_AUDIT_LOG        audit log of verify and revoke (as --audit-log)
  GITHUB_TOKEN                 GitHub token for org list and org scan (--token-env names another)
  NO_COLOR                     never colour output (any non-empty value)
  FORCE_COLOR                  colour text output even when it is not a terminal (0 or false: never);
                               --no-color wins over NO_COLOR, which wins over FORCE_COLOR

Exit codes:
  0  clean: no findings (verify: nothing live)
  1  findings reported (set another with --exit-code)
  2  usage or configuration error (also: a command with no subcommand)
  3  internal error
`;

const SCAN_HELP = `
Examples:
  sprawlguard scan src config.yml               files and directories
  cat deploy.log | sprawlguard scan - --stdin-name deploy.log
  sprawlguard scan --staged                     the pre-commit hook
  sprawlguard scan --diff origin/main...HEAD -f sarif -o results.sarif
  sprawlguard scan . -f gitlab -o gl-secret-detection-report.json
  sprawlguard scan . -f junit -o sprawlguard-junit.xml
  sprawlguard scan --explain test/token.txt     why a made-up token is not reported

Exit codes: 0 clean, 1 findings (--exit-code), 2 usage or configuration error, 3 internal error.
`;

/** Help text added after the option list of these commands (by command path). */
const AFTER: Record<string, string> = { '': ROOT_HELP, scan: SCAN_HELP };

/** Every command of the program, the program first. */
export function allCommands(program: Command): Command[] {
  const out: Command[] = [program];
  for (let i = 0; i < out.length; i++) out.push(...(out[i] as Command).commands);
  return out;
}

/** The words that run `command` (`baseline create`), '' for the program itself. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * Apply to a built program: switches that default to off show no default, and the root and `scan`
 * get examples, environment variables and exit codes.
 */
export function applyHelp(program: Command): void {
  const base = new Help();
  const optionDescription = (option: Option): string => {
    if (typeof option.defaultValue !== 'boolean') return base.optionDescription(option);
    // Same option without its default: `(default: false)` on every switch tells nothing.
    const plain = Object.create(option) as Option;
    plain.defaultValue = undefined;
    return base.optionDescription(plain);
  };
  for (const command of allCommands(program)) {
    command.configureHelp({ ...command.configureHelp(), optionDescription });
    const after = AFTER[commandPath(command)];
    if (after !== undefined) command.addHelpText('after', after);
  }
}
