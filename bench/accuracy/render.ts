/**
 * File formats of the corpus: how a name and a value are written in each language or config syntax,
 * how a multi-line value (a PEM block) is embedded, which whole lines (commands, code) a format
 * takes, and innocuous filler lines so files look like the real thing.
 */
import type { Random } from '../lib/random.js';
import type { LineHost } from './credentials.js';

export type NameStyle = 'UPPER' | 'snake' | 'camel' | 'pascal' | 'dotted' | 'kebab';

/** `DATADOG_API_KEY` in the given style: datadog_api_key, datadogApiKey, DatadogApiKey, datadog.api.key… */
export function styleName(upper: string, style: NameStyle): string {
  const parts = upper.toLowerCase().split(/[_.-]+/).filter(Boolean);
  switch (style) {
    case 'UPPER':
      return parts.join('_').toUpperCase();
    case 'snake':
      return parts.join('_');
    case 'dotted':
      return parts.join('.');
    case 'kebab':
      return parts.join('-');
    case 'camel':
      return parts.map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join('');
    case 'pascal':
      return parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
  }
}

/** Lines written for one plant; `at`..`end` are the indices of the lines holding the secret. */
export interface Rendered {
  lines: string[];
  at: number;
  end: number;
}

const one = (line: string): Rendered => ({ lines: [line], at: 0, end: 0 });

export interface FileKind {
  id: string;
  /** Relative path for the n-th file of this kind. */
  path(rng: Random, n: number): string;
  header(rng: Random): string[];
  footer(rng: Random): string[];
  /** One assignment; `nested` asks for the name's first word as a parent section (where the format has sections). */
  assign(name: string, value: string, rng: Random, nested: boolean): Rendered | undefined;
  /** A multi-line value, where the format can hold one. */
  block?(name: string, value: string, rng: Random): Rendered | undefined;
  /** Which whole-line plants it takes. */
  lineHost?: LineHost;
  filler(rng: Random): string[];
  weight: number;
}

const dirs = ['src', 'app', 'config', 'deploy', 'services/api', 'services/worker', 'internal', 'lib', 'scripts', 'infra', 'tools', 'packages/core'];
const stems = ['settings', 'config', 'client', 'main', 'setup', 'constants', 'app', 'server', 'handler', 'bootstrap', 'integration', 'defaults', 'worker', 'deploy'];
const pathOf = (rng: Random, n: number, ext: string): string => `${rng.pick(dirs)}/${rng.pick(stems)}_${n}.${ext}`;

/** Quote for YAML when a plain scalar would change meaning. */
function yamlScalar(value: string, rng: Random): string {
  if (/^[A-Za-z0-9]/.test(value) && !/: | #|^\s|\s$/.test(value) && rng.chance(0.6)) return value;
  if (!value.includes("'") && rng.chance(0.5)) return `'${value}'`;
  return JSON.stringify(value);
}

function shellQuote(value: string, rng: Random): string {
  if (/^[A-Za-z0-9_./:=+-]+$/.test(value) && rng.chance(0.5)) return value;
  if (!value.includes("'") && (value.includes('$') || value.includes('!') || rng.chance(0.5))) return `'${value}'`;
  return JSON.stringify(value).replace(/\$/g, '\\$');
}

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ident = (rng: Random): string =>
  rng.pick(['user', 'order', 'cart', 'invoice', 'session', 'item', 'account', 'report', 'job', 'queue', 'cache', 'record', 'payload', 'result', 'config']);
const verb = (rng: Random): string => rng.pick(['load', 'fetch', 'build', 'parse', 'render', 'handle', 'send', 'sync', 'update', 'resolve', 'format', 'validate']);
const hostName = (rng: Random): string => rng.pick(['db.internal', 'cache.internal', 'api.acmecorp.io', 'queue.svc.cluster.local', 'localhost', 'search.internal']);

/** Non-secret config entries: ports, hosts, flags, sizes, paths. */
export function configPair(rng: Random): [string, string] {
  return rng.pick<[string, string]>([
    ['PORT', String(rng.int(3000, 9999))],
    ['LOG_LEVEL', rng.pick(['info', 'debug', 'warn'])],
    ['DB_HOST', hostName(rng)],
    ['DB_NAME', ident(rng) + 's'],
    ['DB_USER', `${ident(rng)}_svc`],
    ['REDIS_HOST', hostName(rng)],
    ['TIMEOUT_MS', String(rng.int(100, 60000))],
    ['FEATURE_FLAGS', rng.pick(['beta,search', 'none', 'new-checkout'])],
    ['REGION', rng.pick(['eu-west-1', 'us-east-2', 'ap-southeast-1'])],
    ['BUCKET', `${ident(rng)}-artifacts-${rng.int(1, 99)}`],
    ['MAX_CONNECTIONS', String(rng.int(5, 500))],
    ['ENVIRONMENT', rng.pick(['production', 'staging', 'dev'])],
    ['SERVICE_NAME', `${ident(rng)}-service`],
    ['CACHE_TTL', String(rng.int(60, 86400))],
    ['ENABLE_METRICS', rng.pick(['true', 'false'])],
    ['BASE_URL', `https://${hostName(rng)}/${ident(rng)}`],
    ['DATA_DIR', `/var/lib/${ident(rng)}`],
    ['WORKERS', String(rng.int(1, 32))],
    ['USERNAME', `${ident(rng)}-bot`],
    ['SMTP_HOST', 'smtp.mailgun.org'],
    ['SMTP_PORT', '587'],
    ['VERSION', `${rng.int(0, 9)}.${rng.int(0, 30)}.${rng.int(0, 99)}`],
    ['ALLOWED_HOSTS', 'localhost,127.0.0.1'],
    ['IMAGE', `ghcr.io/acmecorp/${ident(rng)}:${rng.int(1, 9)}.${rng.int(0, 9)}`],
  ]);
}

function codeFiller(rng: Random, lang: 'js' | 'py' | 'go' | 'java' | 'rb' | 'php' | 'cs'): string[] {
  const a = ident(rng);
  const v = verb(rng);
  const V = v.charAt(0).toUpperCase() + v.slice(1);
  const A2 = a.charAt(0).toUpperCase() + a.slice(1);
  switch (lang) {
    case 'js':
      return rng.pick([
        [`export async function ${v}${A2}(id: string) {`, `  const ${a} = await db.${a}s.findOne({ id });`, `  if (!${a}) throw new NotFoundError('${a} not found');`, `  return ${a};`, '}'],
        [`const ${a}Cache = new Map<string, number>();`],
        [`logger.info('${v} ${a}', { count: items.length });`],
        [`if (retries > ${rng.int(2, 9)}) {`, `  return backoff(${rng.int(100, 5000)});`, '}'],
        [`const url = \`\${baseUrl}/v${rng.int(1, 3)}/${a}s/\${id}\`;`],
        [`router.get('/${a}s/:id', auth.required, ${v}${A2});`],
      ]);
    case 'py':
      return rng.pick([
        [`def ${v}_${a}(${a}_id: int) -> dict:`, `    ${a} = session.get(${A2}, ${a}_id)`, `    if ${a} is None:`, `        raise LookupError("${a} not found")`, `    return ${a}.to_dict()`],
        [`logger.info("${v} %s", ${a}.id)`],
        [`TIMEOUT = ${rng.int(1, 120)}`],
        [`for item in ${a}.items:`, `    total += item.price * item.quantity`],
        [`@app.route("/${a}s/<int:id>")`],
      ]);
    case 'go':
      return rng.pick([
        [`func ${V}${A2}(ctx context.Context, id string) (*${A2}, error) {`, `\tvar out ${A2}`, `\tif err := db.GetContext(ctx, &out, query, id); err != nil {`, `\t\treturn nil, fmt.Errorf("${v} ${a}: %w", err)`, '\t}', '\treturn &out, nil', '}'],
        [`const maxRetries = ${rng.int(2, 9)}`],
        [`log.Printf("${v} %s", ${a}.ID)`],
      ]);
    case 'java':
      return rng.pick([
        [`    public ${A2} ${v}${A2}(long id) {`, `        return repository.findById(id).orElseThrow(() -> new NotFoundException("${a}"));`, '    }'],
        [`    private static final int MAX_RETRIES = ${rng.int(2, 9)};`],
        [`        log.info("${v} {}", ${a}.getId());`],
      ]);
    case 'rb':
      return rng.pick([
        [`  def ${v}_${a}(id)`, `    ${A2}.find(id).tap { |r| r.touch }`, '  end'],
        [`  validates :${a}, presence: true`],
        [`  Rails.logger.info("${v} #{${a}.id}")`],
      ]);
    case 'php':
      return rng.pick([
        [`    public function ${v}${A2}(int $id): ${A2}`, '    {', `        return $this->repository->find($id);`, '    }'],
        [`$${a} = $request->input('${a}');`],
        [`Log::info('${v} ' . $${a}->id);`],
      ]);
    case 'cs':
      return rng.pick([
        [`        public async Task<${A2}> ${V}${A2}Async(Guid id)`, '        {', `            return await _context.${A2}s.FindAsync(id);`, '        }'],
        [`        private const int MaxRetries = ${rng.int(2, 9)};`],
        [`        _logger.LogInformation("${v} {Id}", ${a}.Id);`],
      ]);
  }
}

// --- Code ------------------------------------------------------------------------------------------

function tsKind(ext: 'ts' | 'js'): FileKind {
  return {
    id: ext,
    weight: 10,
    lineHost: ext,
    path: (rng, n) => pathOf(rng, n, ext),
    header: (rng) => [`import { ${rng.pick(['createClient', 'connect', 'Client'])} } from '${rng.pick(['./db', '@acme/sdk', 'pg', 'ioredis'])}';`, ''],
    footer: () => [''],
    assign(name, value, rng, nested) {
      const q = rng.pick(["'", '"', '`']);
      const v = `${q}${value}${q}`;
      if (nested) {
        const [section = name, ...rest] = name.toLowerCase().split('_');
        const leaf = styleName(rest.join('_') || name, 'camel');
        return { lines: [`export const ${section}Config = {`, `  region: 'eu-west-1',`, `  ${leaf}: ${v},`, '};'], at: 2, end: 2 };
      }
      const form = rng.int(0, 4);
      if (form === 0) return one(`const ${styleName(name, 'UPPER')} = ${v};`);
      if (form === 1) return one(`export const ${styleName(name, 'camel')} = ${v};`);
      if (form === 2) return one(`  ${styleName(name, 'camel')}: ${v},`);
      if (form === 3) return one(`const ${styleName(name, 'camel')} = process.env.${styleName(name, 'UPPER')} ?? ${v};`);
      return one(`config.${styleName(name, 'camel')} = ${v};`);
    },
    block(name, value) {
      const lines = value.split('\n');
      return { lines: [`const ${styleName(name, 'camel')} = \`${lines[0]}`, ...lines.slice(1, -1), `${lines[lines.length - 1]}\`;`], at: 0, end: lines.length - 1 };
    },
    filler: (rng) => codeFiller(rng, 'js'),
  };
}

const pyKind: FileKind = {
  id: 'py',
  weight: 10,
  lineHost: 'py',
  path: (rng, n) => pathOf(rng, n, 'py'),
  header: (rng) => [`import ${rng.pick(['os', 'logging', 'requests', 'boto3'])}`, `from ${rng.pick(['app', 'core', 'service'])}.${rng.pick(['db', 'models', 'utils'])} import ${rng.pick(['session', 'Base', 'retry'])}`, ''],
  footer: () => [''],
  assign(name, value, rng, nested) {
    const q = rng.pick(["'", '"']);
    const v = `${q}${value}${q}`;
    if (nested) {
      const [section = name, ...rest] = name.toLowerCase().split('_');
      return { lines: [`${section.toUpperCase()} = {`, `    "region": "eu-west-1",`, `    "${rest.join('_') || section}": ${v},`, '}'], at: 2, end: 2 };
    }
    const form = rng.int(0, 4);
    if (form === 0) return one(`${styleName(name, 'UPPER')} = ${v}`);
    if (form === 1) return one(`${styleName(name, 'snake')} = ${v}`);
    if (form === 2) return one(`    ${styleName(name, 'snake')}=${v},`);
    if (form === 3) return one(`${styleName(name, 'UPPER')} = os.environ.get("${styleName(name, 'UPPER')}", ${v})`);
    return one(`    "${styleName(name, 'snake')}": ${v},`);
  },
  block(name, value) {
    const lines = value.split('\n');
    return { lines: [`${styleName(name, 'UPPER')} = """${lines[0]}`, ...lines.slice(1, -1), `${lines[lines.length - 1]}"""`], at: 0, end: lines.length - 1 };
  },
  filler: (rng) => codeFiller(rng, 'py'),
};

const goKind: FileKind = {
  id: 'go',
  weight: 5,
  lineHost: 'go',
  path: (rng, n) => pathOf(rng, n, 'go'),
  header: (rng) => [`package ${rng.pick(['config', 'main', 'client', 'store'])}`, '', 'import (', '\t"context"', '\t"fmt"', ')', ''],
  footer: () => [''],
  assign(name, value, rng) {
    const v = rng.chance(0.8) ? JSON.stringify(value) : `\`${value}\``;
    const form = rng.int(0, 2);
    if (form === 0) return one(`const ${styleName(name, 'camel')} = ${v}`);
    if (form === 1) return one(`\t${styleName(name, 'pascal')}: ${v},`);
    return one(`var ${styleName(name, 'pascal')} = ${v}`);
  },
  block(name, value) {
    const lines = value.split('\n');
    return { lines: [`const ${styleName(name, 'camel')} = \`${lines[0]}`, ...lines.slice(1, -1), `${lines[lines.length - 1]}\``], at: 0, end: lines.length - 1 };
  },
  filler: (rng) => codeFiller(rng, 'go'),
};

const javaKind: FileKind = {
  id: 'java',
  weight: 5,
  lineHost: 'java',
  path: (rng, n) => `src/main/java/com/acme/${rng.pick(['config', 'client', 'service'])}/${rng.pick(['AppConfig', 'Client', 'Settings', 'Constants'])}${n}.java`,
  header: (rng) => [`package com.acme.${rng.pick(['config', 'client', 'service'])};`, '', 'public class Settings {'],
  footer: () => ['}', ''],
  assign(name, value, rng) {
    const v = JSON.stringify(value);
    const form = rng.int(0, 2);
    if (form === 0) return one(`    private static final String ${styleName(name, 'UPPER')} = ${v};`);
    if (form === 1) return one(`    private String ${styleName(name, 'camel')} = ${v};`);
    return one(`        props.setProperty("${styleName(name, 'dotted')}", ${v});`);
  },
  filler: (rng) => codeFiller(rng, 'java'),
};

const rbKind: FileKind = {
  id: 'rb',
  weight: 4,
  lineHost: 'rb',
  path: (rng, n) => `${rng.pick(['config/initializers', 'lib', 'app/services'])}/${rng.pick(stems)}_${n}.rb`,
  header: () => ['# frozen_string_literal: true', '', 'module Acme'],
  footer: () => ['end', ''],
  assign(name, value, rng) {
    const q = rng.pick(["'", '"']);
    // In double quotes Ruby interpolates `#{`, `#@` and `#$`: escape just those.
    const v = `${q}${q === '"' ? value.replace(/#(?=[{@$])/g, '\\#') : value}${q}`;
    const form = rng.int(0, 2);
    if (form === 0) return one(`  ${styleName(name, 'UPPER')} = ${v}`);
    if (form === 1) return one(`  config.${styleName(name, 'snake')} = ${v}`);
    return one(`    ${styleName(name, 'snake')}: ${v},`);
  },
  filler: (rng) => codeFiller(rng, 'rb'),
};

const phpKind: FileKind = {
  id: 'php',
  weight: 4,
  lineHost: 'php',
  path: (rng, n) => `${rng.pick(['config', 'src', 'app/Services'])}/${rng.pick(stems)}${n}.php`,
  header: () => ['<?php', '', 'return ['],
  footer: () => ['];', ''],
  assign(name, value, rng) {
    const v = `'${value}'`;
    const form = rng.int(0, 2);
    if (form === 0) return one(`    '${styleName(name, 'snake')}' => ${v},`);
    if (form === 1) return one(`$${styleName(name, 'camel')} = ${v};`);
    return one(`    '${styleName(name, 'snake')}' => env('${styleName(name, 'UPPER')}', ${v}),`);
  },
  filler: (rng) => codeFiller(rng, 'php'),
};

const csKind: FileKind = {
  id: 'cs',
  weight: 4,
  lineHost: 'cs',
  path: (rng, n) => `src/${rng.pick(['Acme.Api', 'Acme.Worker', 'Acme.Core'])}/${rng.pick(['Settings', 'Constants', 'Startup'])}${n}.cs`,
  header: () => ['namespace Acme.Core', '{', '    public static class Settings', '    {'],
  footer: () => ['    }', '}', ''],
  assign(name, value, rng) {
    const v = JSON.stringify(value);
    const form = rng.int(0, 1);
    if (form === 0) return one(`        private const string ${styleName(name, 'pascal')} = ${v};`);
    return one(`        public static string ${styleName(name, 'pascal')} { get; } = ${v};`);
  },
  filler: (rng) => codeFiller(rng, 'cs'),
};

// --- Config ----------------------------------------------------------------------------------------

const envKind: FileKind = {
  id: 'env',
  weight: 10,
  path: (rng, n) => rng.pick(['.env', '.env.production', '.env.local', 'deploy/.env.staging', 'docker/app.env']).replace(/(\.env[.\w]*|app\.env)$/, (m) => `${n}/${m}`),
  header: () => ['# application settings'],
  footer: () => [''],
  assign(name, value, rng) {
    const v = /[\s#'"$]/.test(value) ? `'${value}'` : rng.chance(0.3) ? `"${value}"` : value;
    return one(`${rng.chance(0.15) ? 'export ' : ''}${styleName(name, 'UPPER')}=${v}`);
  },
  block(name, value) {
    const lines = value.split('\n');
    return { lines: [`${styleName(name, 'UPPER')}="${lines[0]}`, ...lines.slice(1, -1), `${lines[lines.length - 1]}"`], at: 0, end: lines.length - 1 };
  },
  filler: (rng) => {
    const [k, v] = configPair(rng);
    return [`${k}=${v}`];
  },
};

const shellKind: FileKind = {
  id: 'shell',
  weight: 6,
  lineHost: 'shell',
  path: (rng, n) => `scripts/${rng.pick(['deploy', 'release', 'bootstrap', 'backup', 'migrate', 'ci'])}-${n}.sh`,
  header: () => ['#!/usr/bin/env bash', 'set -euo pipefail', ''],
  footer: () => [''],
  assign(name, value, rng) {
    return one(`${rng.chance(0.6) ? 'export ' : ''}${styleName(name, 'UPPER')}=${shellQuote(value, rng)}`);
  },
  filler: (rng) =>
    rng.pick([
      [`echo "deploying ${ident(rng)} to $ENVIRONMENT"`],
      [`kubectl rollout status deployment/${ident(rng)} -n ${ident(rng)}`],
      [`if [ -z "\${CI:-}" ]; then`, '  echo "not in CI"', 'fi'],
      [`docker build -t "$IMAGE:$TAG" .`],
      [`aws s3 cp ./dist s3://${ident(rng)}-artifacts/ --recursive`],
      [`psql -h "$DB_HOST" -U "$DB_USER" -c 'select 1'`],
    ]),
};

const yamlKind: FileKind = {
  id: 'yaml',
  weight: 10,
  path: (rng, n) => `${rng.pick(['config', 'deploy', 'helm/values', 'conf'])}/${rng.pick(['application', 'values', 'settings', 'secrets', 'config'])}-${n}.yml`,
  header: () => ['# service configuration', 'service:', `  name: api`],
  footer: () => [''],
  assign(name, value, rng, nested) {
    const v = yamlScalar(value, rng);
    if (nested) {
      const [section = name, ...rest] = name.toLowerCase().split('_');
      return { lines: [`${section}:`, `  enabled: true`, `  ${rest.join('_') || section}: ${v}`], at: 2, end: 2 };
    }
    const style = rng.pick<NameStyle>(['snake', 'snake', 'camel', 'kebab', 'UPPER']);
    return one(`${styleName(name, style)}: ${v}`);
  },
  block(name, value) {
    const lines = value.split('\n').map((l) => `  ${l}`);
    return { lines: [`${styleName(name, 'snake')}: |`, ...lines], at: 1, end: lines.length };
  },
  filler: (rng) => {
    const [k, v] = configPair(rng);
    return [`${styleName(k, 'snake')}: ${v}`];
  },
};

const jsonKind: FileKind = {
  id: 'json',
  weight: 8,
  lineHost: 'json',
  path: (rng, n) => `${rng.pick(['config', 'settings', 'appsettings'])}/${rng.pick(['default', 'production', 'local', 'appsettings'])}.${n}.json`,
  header: () => ['{', '  "name": "api",'],
  footer: () => ['  "version": 1', '}', ''],
  assign(name, value, rng, nested) {
    if (nested) {
      const [section = name, ...rest] = name.toLowerCase().split('_');
      return { lines: [`  "${section}": {`, `    "enabled": true,`, `    "${styleName(rest.join('_') || section, 'camel')}": ${JSON.stringify(value)}`, '  },'], at: 2, end: 2 };
    }
    return one(`  "${styleName(name, rng.pick<NameStyle>(['camel', 'camel', 'snake', 'UPPER', 'pascal']))}": ${JSON.stringify(value)},`);
  },
  block(name, value) {
    // JSON holds a PEM block on one line with \n escapes.
    return one(`  "${styleName(name, 'snake')}": ${JSON.stringify(value + '\n')},`);
  },
  filler: (rng) => {
    const [k, v] = configPair(rng);
    return [`  "${styleName(k, 'camel')}": ${/^\d+$|^(true|false)$/.test(v) ? v : JSON.stringify(v)},`];
  },
};

const tomlKind: FileKind = {
  id: 'toml',
  weight: 4,
  path: (rng, n) => `${rng.pick(['config', '.', 'deploy'])}/${rng.pick(['config', 'settings', 'app'])}-${n}.toml`,
  header: () => ['[server]', 'host = "0.0.0.0"', ''],
  footer: () => [''],
  assign(name, value, rng, nested) {
    if (nested) {
      const [section = name, ...rest] = name.toLowerCase().split('_');
      return { lines: [`[${section}]`, `${rest.join('_') || section} = ${JSON.stringify(value)}`], at: 1, end: 1 };
    }
    return one(`${styleName(name, 'snake')} = ${rng.chance(0.8) ? JSON.stringify(value) : `'${value}'`}`);
  },
  filler: (rng) => {
    const [k, v] = configPair(rng);
    return [`${styleName(k, 'snake')} = ${/^\d+$|^(true|false)$/.test(v) ? v : JSON.stringify(v)}`];
  },
};

const iniKind: FileKind = {
  id: 'ini',
  weight: 4,
  lineHost: 'ini',
  path: (rng, n) => `${rng.pick(['config', 'etc', 'conf'])}/${rng.pick(['app', 'service', 'settings', 'php'])}-${n}.${rng.pick(['ini', 'cfg', 'conf'])}`,
  header: () => ['[main]', 'debug = false'],
  footer: () => [''],
  assign(name, value, rng, nested) {
    if (nested) {
      const [section = name, ...rest] = name.toLowerCase().split('_');
      return { lines: ['', `[${section}]`, `${rest.join('_') || section} = ${value}`], at: 2, end: 2 };
    }
    return one(`${styleName(name, rng.pick<NameStyle>(['snake', 'snake', 'dotted', 'UPPER']))}${rng.pick([' = ', '=', ': '])}${value}`);
  },
  filler: (rng) => {
    const [k, v] = configPair(rng);
    return [`${styleName(k, 'snake')} = ${v}`];
  },
};

const propertiesKind: FileKind = {
  id: 'properties',
  weight: 4,
  path: (rng, n) => `src/main/resources/${rng.pick(['application', 'gradle', 'config', 'bootstrap'])}-${n}.properties`,
  header: () => ['# Spring configuration', 'server.port=8080'],
  footer: () => [''],
  assign(name, value, rng) {
    return one(`${rng.pick(['', 'app.', 'spring.', 'acme.'])}${styleName(name, rng.pick<NameStyle>(['dotted', 'dotted', 'kebab', 'camel']))}${rng.pick(['=', ' = ', ': '])}${value}`);
  },
  filler: (rng) => {
    const [k, v] = configPair(rng);
    return [`app.${styleName(k, 'dotted')}=${v}`];
  },
};

const xmlKind: FileKind = {
  id: 'xml',
  weight: 3,
  lineHost: 'xml',
  path: (rng, n) => `${rng.pick(['config', 'src/main/resources', 'web'])}/${rng.pick(['app', 'web', 'settings', 'beans'])}${n}.${rng.pick(['xml', 'config'])}`,
  header: () => ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <appSettings>'],
  footer: () => ['  </appSettings>', '</configuration>', ''],
  assign(name, value, rng) {
    const v = xmlEscape(value);
    const form = rng.int(0, 2);
    if (form === 0) return one(`    <add key="${styleName(name, 'pascal')}" value="${v}" />`);
    if (form === 1) return one(`    <${styleName(name, 'camel')}>${v}</${styleName(name, 'camel')}>`);
    return one(`    <property name="${styleName(name, 'dotted')}" value="${v}"/>`);
  },
  filler: (rng) => {
    const [k, v] = configPair(rng);
    return [`    <add key="${styleName(k, 'pascal')}" value="${xmlEscape(v)}" />`];
  },
};

const dockerfileKind: FileKind = {
  id: 'dockerfile',
  weight: 3,
  lineHost: 'dockerfile',
  path: (rng, n) => `${rng.pick(['', 'docker/', 'services/api/'])}Dockerfile.${n}`,
  header: (rng) => [`FROM ${rng.pick(['node:20-alpine', 'python:3.12-slim', 'golang:1.22', 'eclipse-temurin:21'])}`, 'WORKDIR /app'],
  footer: () => ['CMD ["./start.sh"]', ''],
  assign(name, value, rng) {
    const v = /[\s"'$]/.test(value) ? JSON.stringify(value) : value;
    return one(`${rng.pick(['ENV', 'ENV', 'ARG'])} ${styleName(name, 'UPPER')}=${v}`);
  },
  filler: (rng) => rng.pick([['COPY package*.json ./'], ['RUN npm ci --omit=dev'], ['EXPOSE 8080'], ['RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates'], ['USER node']]),
};

const terraformKind: FileKind = {
  id: 'tf',
  weight: 4,
  lineHost: 'hcl',
  path: (rng, n) => `infra/${rng.pick(['main', 'providers', 'variables', 'modules/app/main'])}-${n}.tf`,
  header: (rng) => [`resource "${rng.pick(['aws_instance', 'google_compute_instance', 'azurerm_linux_web_app'])}" "app" {`],
  footer: () => ['}', ''],
  assign(name, value, rng) {
    const form = rng.int(0, 1);
    if (form === 0) return one(`  ${styleName(name, 'snake')} = ${JSON.stringify(value)}`);
    return one(`    ${styleName(name, 'UPPER')} = ${JSON.stringify(value)}`);
  },
  block(name, value) {
    const lines = value.split('\n');
    return { lines: [`  ${styleName(name, 'snake')} = <<EOT`, ...lines, 'EOT'], at: 1, end: lines.length };
  },
  filler: (rng) => rng.pick([[`  instance_type = "${rng.pick(['t3.micro', 'm6i.large'])}"`], ['  tags = {', `    Team = "${ident(rng)}"`, '  }'], [`  count = ${rng.int(1, 5)}`]]),
};

const k8sKind: FileKind = {
  id: 'k8s',
  weight: 5,
  path: (rng, n) => `k8s/${rng.pick(['deployment', 'cronjob', 'statefulset'])}-${n}.yaml`,
  header: (rng) => ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${ident(rng)}`, 'spec:', '  template:', '    spec:', '      containers:', `        - name: ${ident(rng)}`, '          env:'],
  footer: () => [''],
  assign(name, value, rng) {
    const n = styleName(name, 'UPPER');
    if (rng.chance(0.5)) return { lines: [`            - name: ${n}`, `              value: ${JSON.stringify(value)}`], at: 1, end: 1 };
    return one(`            - { name: ${n}, value: ${JSON.stringify(value)} }`);
  },
  filler: (rng) => {
    const [k, v] = configPair(rng);
    return [`            - name: ${k}`, `              value: ${JSON.stringify(v)}`];
  },
};

const composeKind: FileKind = {
  id: 'compose',
  weight: 4,
  path: (_rng, n) => `docker-compose.${n}.yml`,
  header: (rng) => ['services:', `  ${ident(rng)}:`, `    image: ghcr.io/acmecorp/${ident(rng)}:latest`, '    environment:'],
  footer: () => ['    ports:', '      - "8080:8080"', ''],
  assign(name, value, rng) {
    if (rng.chance(0.5)) return one(`      - ${styleName(name, 'UPPER')}=${value}`);
    return one(`      ${styleName(name, 'UPPER')}: ${yamlScalar(value, rng)}`);
  },
  filler: (rng) => {
    const [k, v] = configPair(rng);
    return [`      ${k}: "${v}"`];
  },
};

const workflowKind: FileKind = {
  id: 'workflow',
  weight: 4,
  lineHost: 'workflow',
  path: (rng, n) => `.github/workflows/${rng.pick(['ci', 'deploy', 'release', 'nightly'])}-${n}.yml`,
  header: (rng) => [`name: ${rng.pick(['CI', 'Deploy', 'Release'])}`, 'on: [push]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    env:'],
  footer: () => ['    steps:', '      - uses: actions/checkout@v4', '      - run: npm ci && npm test', ''],
  assign(name, value, rng) {
    return one(`      ${styleName(name, 'UPPER')}: ${yamlScalar(value, rng)}`);
  },
  filler: (rng) => {
    const [k, v] = configPair(rng);
    return [`      ${k}: ${v}`];
  },
};

const markdownKind: FileKind = {
  id: 'markdown',
  weight: 4,
  lineHost: 'markdown',
  path: (rng, n) => `docs/${rng.pick(['setup', 'deploy', 'api', 'troubleshooting', 'runbook'])}-${n}.md`,
  header: (rng) => [`# ${rng.pick(['Deploying', 'Calling the API', 'Local setup', 'Runbook'])}`, '', 'Run this from the repository root:', '', '```sh'],
  footer: () => ['```', ''],
  assign(name, value, rng) {
    return one(`export ${styleName(name, 'UPPER')}=${shellQuote(value, rng)}`);
  },
  filler: (rng) => rng.pick([['npm run build'], [`curl -s https://${hostName(rng)}/healthz`], ['make deploy ENV=staging'], [`kubectl logs deploy/${ident(rng)} --tail=100`]]),
};


const sqlKind: FileKind = {
  id: 'sql',
  weight: 2,
  lineHost: 'sql',
  path: (rng, n) => `db/${rng.pick(['migrations', 'seeds', 'init'])}/${rng.int(100, 999)}_${rng.pick(['roles', 'users', 'grants', 'setup'])}_${n}.sql`,
  header: () => ['-- database setup', 'BEGIN;'],
  footer: () => ['COMMIT;', ''],
  assign(name, value) {
    return one(`INSERT INTO settings (name, value) VALUES ('${styleName(name, 'snake')}', '${value.replace(/'/g, "''")}');`);
  },
  filler: (rng) =>
    rng.pick([
      [`CREATE TABLE IF NOT EXISTS ${ident(rng)}s (id BIGSERIAL PRIMARY KEY, created_at TIMESTAMPTZ DEFAULT now());`],
      [`GRANT SELECT, INSERT ON ${ident(rng)}s TO app_rw;`],
      [`CREATE INDEX ON ${ident(rng)}s (created_at);`],
    ]),
};

const powershellKind: FileKind = {
  id: 'ps1',
  weight: 2,
  lineHost: 'ps1',
  path: (rng, n) => `scripts/${rng.pick(['Deploy', 'Setup', 'Backup'])}-${n}.ps1`,
  header: () => ['$ErrorActionPreference = "Stop"', ''],
  footer: () => [''],
  assign(name, value, rng) {
    const v = `'${value.replace(/'/g, "''")}'`;
    return one(rng.chance(0.5) ? `$env:${styleName(name, 'UPPER')} = ${v}` : `$${styleName(name, 'pascal')} = ${v}`);
  },
  filler: (rng) => rng.pick([[`Write-Host "Deploying ${ident(rng)}"`], [`Import-Module Az.Accounts`], [`Start-Sleep -Seconds ${rng.int(1, 30)}`]]),
};

/** Jupyter notebooks: code cells are JSON strings, so quotes inside them are escaped. */
const notebookKind: FileKind = {
  id: 'ipynb',
  weight: 3,
  lineHost: 'ipynb',
  path: (rng, n) => `notebooks/${rng.pick(['explore', 'train', 'report', 'etl'])}-${n}.ipynb`,
  header: () => ['{', ' "cells": [', '  {', '   "cell_type": "code",', '   "metadata": {},', '   "source": ['],
  footer: () => ['    "print(\\"done\\")"', '   ]', '  }', ' ],', ' "nbformat": 4', '}', ''],
  assign(name, value, rng) {
    const line = rng.chance(0.5) ? `${styleName(name, 'snake')} = "${value}"` : `os.environ["${styleName(name, 'UPPER')}"] = "${value}"`;
    return one(`    ${JSON.stringify(line + '\n')},`);
  },
  filler: (rng) => [`    ${JSON.stringify(rng.pick(['import pandas as pd', `df = pd.read_csv("${ident(rng)}s.csv")`, 'df.describe()', `model.fit(X_train, y_train, epochs=${rng.int(1, 50)})`]) + '\n')},`],
};

export const FILE_KINDS: readonly FileKind[] = [
  tsKind('ts'),
  tsKind('js'),
  pyKind,
  goKind,
  javaKind,
  rbKind,
  phpKind,
  csKind,
  envKind,
  shellKind,
  yamlKind,
  jsonKind,
  tomlKind,
  iniKind,
  propertiesKind,
  xmlKind,
  dockerfileKind,
  terraformKind,
  k8sKind,
  composeKind,
  workflowKind,
  markdownKind,
  sqlKind,
  powershellKind,
  notebookKind,
];

/** Comment syntax per file kind, for commented-out lines. */
export function commentPrefix(kind: string): string | undefined {
  switch (kind) {
    case 'ts':
    case 'js':
    case 'go':
    case 'java':
    case 'cs':
    case 'php':
      return '// ';
    case 'py':
    case 'rb':
    case 'env':
    case 'shell':
    case 'yaml':
    case 'toml':
    case 'properties':
    case 'dockerfile':
    case 'tf':
    case 'k8s':
    case 'compose':
    case 'workflow':
      return '# ';
    case 'ini':
      return '; ';
    default:
      return undefined;
  }
}
