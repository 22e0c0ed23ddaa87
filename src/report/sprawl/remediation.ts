/**
 * What to do about a secret: revoke it at its provider now (the rule's own steps and links), and
 * what to move the workload to so no long-lived copy is needed again, chosen from where the copies
 * live: a CI workflow gets OIDC federation (or a GitHub App token), a Kubernetes manifest gets
 * workload identity, a database password in application configuration gets IAM database
 * authentication or dynamic secrets. Every piece of advice points to short-lived credentials; the
 * links are to the providers' own documentation.
 */
import type { SecretStatus } from '../../inventory/records.js';

/** What the rule that found a secret says about it (the rule pack's `remediation` and `references`). */
export interface RuleAdvice {
  remediation: string;
  references: readonly string[];
}

export type ReplacementKind = 'ci-oidc' | 'github-app-token' | 'workload-identity' | 'database-iam' | 'dynamic-secrets' | 'ticket-cleanup';

export interface Replacement {
  kind: ReplacementKind;
  /** The copies this applies to (`repo: path`, or `system ticket`). */
  where: string[];
  advice: string;
  links: string[];
}

export interface Remediation {
  /** The step to take next, in one line. */
  next: string;
  /** The provider's revoke (rotate) steps. */
  revoke: string;
  replaceWith: Replacement[];
  /** Provider documentation: the rule's references, then those of each replacement. */
  links: string[];
}

/** Where one copy is, as the remediation needs it. */
export interface CopyPlace {
  repo?: string;
  path: string;
  system?: string;
  ticket?: string;
}

type Cloud = 'aws' | 'google' | 'azure';

const DATABASE_PROVIDERS = new Set([
  'postgres', 'mysql', 'mssql', 'oracle', 'mongodb', 'mongodb-atlas', 'redis', 'azure-redis', 'clickhouse', 'cockroachdb',
  'neo4j', 'couchbase', 'snowflake', 'elastic', 'jdbc', 'influxdb', 'neon', 'planetscale', 'supabase', 'rabbitmq',
]);

/** Public documentation pages: data, so the advice can be checked and updated in one place. */
const LINKS = {
  oidc: {
    aws: 'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
    google: 'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-google-cloud-platform',
    azure: 'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-azure',
    any: 'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect',
    gitlab: 'https://docs.gitlab.com/ci/cloud_services/',
  },
  githubApp: 'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/making-authenticated-api-requests-with-a-github-app-in-a-github-actions-workflow',
  workloadIdentity: {
    aws: 'https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html',
    google: 'https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity',
    azure: 'https://learn.microsoft.com/en-us/azure/aks/workload-identity-overview',
    any: 'https://secrets-store-csi-driver.sigs.k8s.io/',
  },
  databaseIam: {
    aws: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html',
    google: 'https://cloud.google.com/sql/docs/postgres/iam-authentication',
    azure: 'https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/security-entra-concepts',
  },
  dynamicSecrets: 'https://developer.hashicorp.com/vault/docs/secrets/databases',
  runtimeIdentity: {
    aws: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html',
    google: 'https://cloud.google.com/docs/authentication/application-default-credentials',
    azure: 'https://learn.microsoft.com/en-us/entra/identity/managed-identities-azure-resources/overview',
  },
} as const;

const CI_PATH = /(^|\/)(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|Jenkinsfile|bitbucket-pipelines\.ya?ml)$/i;
const KUBERNETES_PATH = /(^|\/)(k8s|kube|kubernetes|manifests?|helm|charts?|kustomize|overlays|argocd|flux)\/.*\.(ya?ml|json)$|(^|\/)(kustomization|values(-[\w.-]+)?|deployment|statefulset|daemonset|cronjob|secret)\.ya?ml$/i;
const APP_CONFIG_PATH = /(^|\/)(\.env(\.[\w.-]+)?|[^/]*\.(properties|ini|cfg|conf|toml|ya?ml|json|xml|py|rb|php|js|ts))$|(^|\/)(config|conf|settings)\//i;

function cloudOf(provider: string): Cloud | undefined {
  if (provider === 'aws' || provider.startsWith('aws-')) return 'aws';
  if (provider === 'google' || provider.startsWith('google-') || provider === 'gcp') return 'google';
  if (provider === 'azure' || provider.startsWith('azure-')) return 'azure';
  return undefined;
}

const CLOUD_NAMES: Record<Cloud, string> = { aws: 'AWS', google: 'Google Cloud', azure: 'Azure' };

function label(place: CopyPlace): string {
  if (place.ticket || place.system) return `${place.system ?? 'tickets'} ${place.ticket ?? ''}`.trim();
  return place.repo ? `${place.repo}: ${place.path}` : place.path;
}

/** The replacement for copies in one kind of place, or undefined when that kind of place has none. */
function replacementFor(kind: 'ci' | 'kubernetes' | 'app-config' | 'ticket', provider: string, where: string[]): Replacement | undefined {
  const cloud = cloudOf(provider);
  const isDatabase = DATABASE_PROVIDERS.has(provider);
  switch (kind) {
    case 'ci':
      if (provider === 'github') {
        return { kind: 'github-app-token', where, advice: "Replace the token in CI with a GitHub App installation token minted per run (or the workflow's own GITHUB_TOKEN), which expires within the hour.", links: [LINKS.githubApp] };
      }
      return {
        kind: 'ci-oidc',
        where,
        advice: cloud
          ? `Remove the key from CI: let the pipeline exchange its OIDC token for short-lived ${CLOUD_NAMES[cloud]} credentials (OIDC federation), so no stored key exists.`
          : "Remove the secret from CI: use OIDC federation where the provider accepts it; otherwise keep it in the CI system's secret store, scoped to one environment, and rotate it.",
        links: cloud ? [LINKS.oidc[cloud], LINKS.oidc.gitlab] : [LINKS.oidc.any, LINKS.oidc.gitlab],
      };
    case 'kubernetes':
      return {
        kind: 'workload-identity',
        where,
        advice: cloud
          ? `Give the pods their own ${CLOUD_NAMES[cloud]} identity (workload identity) instead of a key in the manifest: credentials are issued per pod and expire on their own.`
          : 'Take the secret out of the manifest: mount it from a secrets manager at run time (Secrets Store CSI driver), with short-lived or dynamic credentials where the provider offers them.',
        links: cloud ? [LINKS.workloadIdentity[cloud]] : [LINKS.workloadIdentity.any, LINKS.dynamicSecrets],
      };
    case 'app-config':
      if (isDatabase) {
        return {
          kind: 'database-iam',
          where,
          advice:
            'Take the password out of the application configuration: connect with IAM database authentication (a token from the runtime identity, valid for minutes) or dynamic credentials from a secrets manager, issued per application and expiring on their own.',
          links: [LINKS.databaseIam.aws, LINKS.databaseIam.google, LINKS.databaseIam.azure, LINKS.dynamicSecrets],
        };
      }
      if (cloud) {
        return {
          kind: 'workload-identity',
          where,
          advice: `Take the key out of the configuration: run the application with a ${CLOUD_NAMES[cloud]} identity of its own (role or managed identity), whose credentials are short-lived and rotated by the platform.`,
          links: [LINKS.runtimeIdentity[cloud]],
        };
      }
      return undefined;
    case 'ticket':
      return {
        kind: 'ticket-cleanup',
        where,
        advice: 'Delete or redact the copy in the ticket or message (exports and notifications keep it too), after revoking: the copy there cannot be rotated away.',
        links: [],
      };
  }
}

function placeKind(place: CopyPlace): 'ci' | 'kubernetes' | 'app-config' | 'ticket' | undefined {
  if (place.ticket || place.system) return 'ticket';
  if (CI_PATH.test(place.path)) return 'ci';
  if (KUBERNETES_PATH.test(place.path)) return 'kubernetes';
  if (APP_CONFIG_PATH.test(place.path)) return 'app-config';
  return undefined;
}

/** The first sentence of a rule's remediation: what to do now. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(flat);
  return m ? (m[1] as string) : flat;
}

export function remediationFor(
  secret: { provider: string; status: SecretStatus; places: number },
  copies: readonly CopyPlace[],
  advice: RuleAdvice | undefined,
): Remediation {
  const revoke = advice?.remediation.replace(/\s+/g, ' ').trim() || `Revoke the credential at ${secret.provider} and issue a new one.`;
  const byKind = new Map<'ci' | 'kubernetes' | 'app-config' | 'ticket', string[]>();
  for (const copy of copies) {
    const kind = placeKind(copy);
    if (!kind) continue;
    const list = byKind.get(kind) ?? [];
    list.push(label(copy));
    byKind.set(kind, list);
  }
  const replaceWith: Replacement[] = [];
  for (const kind of ['ci', 'kubernetes', 'app-config', 'ticket'] as const) {
    const where = byKind.get(kind);
    if (!where) continue;
    const r = replacementFor(kind, secret.provider, [...new Set(where)].sort());
    if (r) replaceWith.push(r);
  }
  if (!replaceWith.some((r) => r.kind !== 'ticket-cleanup')) {
    const cloud = cloudOf(secret.provider);
    replaceWith.push({
      kind: DATABASE_PROVIDERS.has(secret.provider) ? 'database-iam' : cloud ? 'workload-identity' : 'dynamic-secrets',
      where: [],
      advice: DATABASE_PROVIDERS.has(secret.provider)
        ? 'Connect with IAM database authentication or dynamic credentials from a secrets manager instead of a stored password.'
        : cloud
          ? `Run the workload with a ${CLOUD_NAMES[cloud]} identity of its own (role, managed identity or workload identity) instead of a stored key.`
          : "Load the replacement from a secrets manager at run time, and prefer the provider's short-lived tokens (OIDC federation, dynamic secrets) where it offers them.",
      links: DATABASE_PROVIDERS.has(secret.provider) ? [LINKS.databaseIam.aws, LINKS.dynamicSecrets] : cloud ? [LINKS.runtimeIdentity[cloud]] : [LINKS.dynamicSecrets],
    });
  }
  const links = [...new Set([...(advice?.references ?? []), ...replaceWith.flatMap((r) => r.links)])];
  return { next: nextStep(secret, revoke), revoke, replaceWith, links };
}

function nextStep(secret: { provider: string; status: SecretStatus; places: number }, revoke: string): string {
  const copies = `${secret.places} place${secret.places === 1 ? '' : 's'}`;
  switch (secret.status) {
    case 'revoked':
      return `Revoked: remove the remaining copies from ${copies}.`;
    case 'dead':
      return `${secret.provider} reports it dead: remove the copies from ${copies}.`;
    case 'allowed':
      return 'Allowed after review: nothing to do.';
    default:
      return `${secret.status === 'verified-live' ? 'Live: revoke now' : 'Revoke'}: ${firstSentence(revoke)}`;
  }
}
