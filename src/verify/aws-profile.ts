/**
 * Operator credentials for AWS revocation, read from the shared credentials file the AWS CLI uses
 * (`~/.aws/credentials`, or `AWS_SHARED_CREDENTIALS_FILE`), falling back to static keys in
 * `~/.aws/config` (`AWS_CONFIG_FILE`). Only static keys are supported: SSO, `credential_process` and
 * role chaining need the AWS SDK, which sprawlguard does not carry.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AwsCredentials } from './provider-module.js';

export class AwsProfileError extends Error {}

/** INI sections → key/value maps. Section names are kept as written (`profile x` in the config file). */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1] as string, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || !current) continue;
    current.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  return sections;
}

function fromSection(section: Map<string, string> | undefined, source: string): AwsCredentials | undefined {
  const accessKeyId = section?.get('aws_access_key_id');
  const secretAccessKey = section?.get('aws_secret_access_key');
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = section?.get('aws_session_token');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), source };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AwsProfileError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

export async function loadAwsProfile(profile: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<AwsCredentials> {
  const home = os.homedir();
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials');
  const configFile = env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config');
  const credentialsText = await readIfExists(credentialsFile);
  if (credentialsText !== undefined) {
    const found = fromSection(parseIni(credentialsText).get(profile), `profile ${profile} in ${credentialsFile}`);
    if (found) return found;
  }
  const configText = await readIfExists(configFile);
  if (configText !== undefined) {
    const sections = parseIni(configText);
    const section = sections.get(profile === 'default' ? 'default' : `profile ${profile}`);
    const found = fromSection(section, `profile ${profile} in ${configFile}`);
    if (found) return found;
    if (section && (section.has('sso_session') || section.has('sso_start_url') || section.has('credential_process') || section.has('role_arn'))) {
      throw new AwsProfileError(
        `profile ${profile} uses SSO, a credential process or a role; sprawlguard reads static keys only. Export temporary keys into a profile in ${credentialsFile} and pass that profile.`,
      );
    }
  }
  throw new AwsProfileError(`no static access keys for profile ${profile} in ${credentialsFile} or ${configFile}`);
}
