/**
 * Provider modules by id. A rule names its module with `verify: <id>`; without one, the rule's
 * `provider` is tried. Some rule files name a module more precisely than one module per provider
 * needs (`google-api-key`, `discord-webhook`): those names are aliases of the provider's module.
 *
 * Modules are imported lazily, so a scan without --verify loads none of them.
 */
import type { ProviderModule } from './provider-module.js';

type Loader = () => Promise<ProviderModule>;

const MODULES: Record<string, Loader> = {
  github: async () => (await import('./providers/github.js')).github,
  gitlab: async () => (await import('./providers/gitlab.js')).gitlab,
  slack: async () => (await import('./providers/slack.js')).slack,
  aws: async () => (await import('./providers/aws.js')).aws,
  google: async () => (await import('./providers/google.js')).google,
  stripe: async () => (await import('./providers/stripe.js')).stripe,
  sendgrid: async () => (await import('./providers/sendgrid.js')).sendgrid,
  twilio: async () => (await import('./providers/twilio.js')).twilio,
  npm: async () => (await import('./providers/npm.js')).npm,
  pypi: async () => (await import('./providers/pypi.js')).pypi,
  openai: async () => (await import('./providers/openai.js')).openai,
  anthropic: async () => (await import('./providers/anthropic.js')).anthropic,
  huggingface: async () => (await import('./providers/huggingface.js')).huggingface,
  digitalocean: async () => (await import('./providers/digitalocean.js')).digitalocean,
  datadog: async () => (await import('./providers/datadog.js')).datadog,
  discord: async () => (await import('./providers/discord.js')).discord,
  mailgun: async () => (await import('./providers/mailgun.js')).mailgun,
  shopify: async () => (await import('./providers/shopify.js')).shopify,
  atlassian: async () => (await import('./providers/atlassian.js')).atlassian,
  postman: async () => (await import('./providers/postman.js')).postman,
  linear: async () => (await import('./providers/linear.js')).linear,
  heroku: async () => (await import('./providers/heroku.js')).heroku,
  dockerhub: async () => (await import('./providers/dockerhub.js')).dockerhub,
};

/** Names rules use for a module, mapped to the module's id. */
export const ALIASES: Readonly<Record<string, string>> = {
  'github-app': 'github',
  'slack-webhook': 'slack',
  'google-cloud': 'google',
  'google-api-key': 'google',
  'google-service-account': 'google',
  'google-oauth': 'google',
  gcp: 'google',
  'hugging-face': 'huggingface',
  'digital-ocean': 'digitalocean',
  'discord-webhook': 'discord',
  'discord-bot': 'discord',
  docker: 'dockerhub',
  'docker-hub': 'dockerhub',
  jira: 'atlassian',
  confluence: 'atlassian',
};

export const PROVIDER_IDS: readonly string[] = Object.keys(MODULES);

/** The module id a `verify:` value or provider names, if sprawlguard has one. */
export function resolveProviderId(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const id = ALIASES[name] ?? name;
  return Object.prototype.hasOwnProperty.call(MODULES, id) ? id : undefined;
}

const loaded = new Map<string, Promise<ProviderModule>>();

export function loadProvider(id: string): Promise<ProviderModule> {
  const loader = MODULES[id];
  if (!loader) return Promise.reject(new Error(`no provider module "${id}"`));
  let module = loaded.get(id);
  if (!module) {
    module = loader();
    loaded.set(id, module);
  }
  return module;
}
