/**
 * Generators for the kinds of text a secret scanner meets: source code in several languages,
 * configuration (YAML, JSON, TOML, INI, .env, .npmrc), lockfiles full of integrity hashes, minified
 * bundles on one long line, and Markdown. Each returns lines (no trailing newline) of roughly the
 * requested size. The vocabulary deliberately includes words like `token`, `secret`, `password` and
 * `key` at the rate real code uses them, so keyword prefilters get their usual share of hits.
 */
import { ALPHABETS, type Random } from './random.js';

const WORDS = [
  'account', 'action', 'active', 'address', 'admin', 'alert', 'api', 'app', 'archive', 'array', 'asset', 'async',
  'audit', 'auth', 'backup', 'balance', 'batch', 'billing', 'blob', 'body', 'bucket', 'buffer', 'build', 'bundle',
  'cache', 'callback', 'cart', 'channel', 'check', 'client', 'cluster', 'code', 'column', 'config', 'connection',
  'context', 'count', 'credential', 'cursor', 'customer', 'data', 'date', 'debug', 'default', 'delete', 'deploy',
  'device', 'digest', 'domain', 'draft', 'email', 'enabled', 'entry', 'error', 'event', 'expire', 'export', 'feature',
  'field', 'file', 'filter', 'flag', 'format', 'gateway', 'group', 'handler', 'hash', 'header', 'health', 'history',
  'host', 'image', 'import', 'index', 'input', 'invoice', 'item', 'job', 'key', 'label', 'layout', 'limit', 'link',
  'list', 'load', 'locale', 'lock', 'log', 'login', 'manager', 'map', 'member', 'message', 'meta', 'metric', 'mode',
  'model', 'module', 'name', 'node', 'notify', 'offset', 'option', 'order', 'owner', 'page', 'parse', 'password',
  'path', 'payload', 'payment', 'peer', 'policy', 'pool', 'port', 'price', 'profile', 'project', 'provider', 'proxy',
  'query', 'queue', 'quota', 'range', 'rate', 'record', 'refresh', 'region', 'release', 'render', 'report', 'request',
  'resource', 'response', 'result', 'retry', 'role', 'route', 'rule', 'schema', 'scope', 'search', 'secret', 'section',
  'send', 'server', 'service', 'session', 'setting', 'shard', 'signal', 'size', 'slot', 'source', 'state', 'status',
  'storage', 'store', 'stream', 'subject', 'summary', 'sync', 'table', 'tag', 'task', 'tenant', 'text', 'theme',
  'thread', 'ticket', 'timeout', 'timer', 'token', 'topic', 'total', 'trace', 'track', 'update', 'upload', 'url',
  'user', 'value', 'vendor', 'version', 'view', 'visit', 'volume', 'wallet', 'webhook', 'widget', 'worker', 'zone',
];

const PROSE = [
  'the', 'a', 'this', 'that', 'when', 'then', 'if', 'we', 'it', 'is', 'are', 'not', 'for', 'with', 'from', 'into',
  'before', 'after', 'only', 'every', 'each', 'so', 'because', 'returns', 'keeps', 'checks', 'reads', 'writes',
  'sends', 'retries', 'skips', 'handles', 'caches', 'should', 'must', 'can', 'may', 'once', 'again', 'later',
];

const word = (rng: Random): string => rng.pick(WORDS);
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function camel(rng: Random, parts = rng.int(1, 3)): string {
  let out = word(rng);
  for (let i = 1; i < parts; i++) out += capital(word(rng));
  return out;
}

function snake(rng: Random, parts = rng.int(1, 3)): string {
  const out: string[] = [];
  for (let i = 0; i < parts; i++) out.push(word(rng));
  return out.join('_');
}

function pascal(rng: Random): string {
  return capital(camel(rng, rng.int(1, 2)));
}

function sentence(rng: Random, min = 4, max = 14): string {
  const n = rng.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.chance(0.45) ? word(rng) : rng.pick(PROSE));
  return capital(out.join(' '));
}

function url(rng: Random): string {
  return `https://${rng.pick(['api', 'cdn', 'auth', 'hooks', 'static'])}.${word(rng)}${rng.pick(['.io', '.com', '.dev', '.net'])}/${rng.pick(['v1', 'v2', 'api'])}/${word(rng)}/${word(rng)}`;
}

function semver(rng: Random): string {
  return `${rng.int(0, 12)}.${rng.int(0, 30)}.${rng.int(0, 40)}`;
}

export function packageName(rng: Random): string {
  return rng.chance(0.25) ? `@${word(rng)}/${word(rng)}-${word(rng)}` : `${word(rng)}-${word(rng)}${rng.chance(0.3) ? `-${word(rng)}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Source code

export type SourceLanguage = 'ts' | 'js' | 'py' | 'go' | 'java' | 'rb' | 'rs' | 'c' | 'sh';

interface Syntax {
  naming: 'camel' | 'snake';
  quote: string;
  comment: string;
  header(rng: Random): string[];
  functionOpen(name: string, params: string[]): string;
  /** Undefined: the block ends by indentation (Python). */
  blockClose?: string;
  declare(name: string, expr: string): string;
  ifOpen(cond: string): string;
  statement(expr: string): string;
  returns(expr: string): string;
  log(message: string): string;
}

const SYNTAX: Record<SourceLanguage, Syntax> = {
  ts: {
    naming: 'camel',
    quote: "'",
    comment: '//',
    header: (rng) => [`import { ${pascal(rng)}, ${camel(rng)} } from './${word(rng)}.js';`, `import type { ${pascal(rng)} } from '../${word(rng)}/${word(rng)}.js';`, ''],
    functionOpen: (name, params) => `export async function ${name}(${params.map((p) => `${p}: string`).join(', ')}): Promise<void> {`,
    blockClose: '}',
    declare: (name, expr) => `const ${name} = ${expr};`,
    ifOpen: (cond) => `if (${cond}) {`,
    statement: (expr) => `${expr};`,
    returns: (expr) => `return ${expr};`,
    log: (m) => `logger.debug('${m}');`,
  },
  js: {
    naming: 'camel',
    quote: "'",
    comment: '//',
    header: (rng) => [`'use strict';`, `const ${camel(rng)} = require('${packageName(rng)}');`, ''],
    functionOpen: (name, params) => `function ${name}(${params.join(', ')}) {`,
    blockClose: '}',
    declare: (name, expr) => `let ${name} = ${expr};`,
    ifOpen: (cond) => `if (${cond}) {`,
    statement: (expr) => `${expr};`,
    returns: (expr) => `return ${expr};`,
    log: (m) => `console.log('${m}');`,
  },
  py: {
    naming: 'snake',
    quote: '"',
    comment: '#',
    header: (rng) => [`import ${word(rng)}`, `from ${word(rng)}.${word(rng)} import ${snake(rng)}`, ''],
    functionOpen: (name, params) => `def ${name}(${params.join(', ')}):`,
    declare: (name, expr) => `${name} = ${expr}`,
    ifOpen: (cond) => `if ${cond}:`,
    statement: (expr) => expr,
    returns: (expr) => `return ${expr}`,
    log: (m) => `log.info("${m}")`,
  },
  go: {
    naming: 'camel',
    quote: '"',
    comment: '//',
    header: (rng) => [`package ${word(rng)}`, '', 'import (', '\t"context"', `\t"github.com/${word(rng)}/${word(rng)}"`, ')', ''],
    functionOpen: (name, params) => `func ${capital(name)}(ctx context.Context${params.map((p) => `, ${p} string`).join('')}) error {`,
    blockClose: '}',
    declare: (name, expr) => `${name} := ${expr}`,
    ifOpen: (cond) => `if ${cond} {`,
    statement: (expr) => expr,
    returns: (expr) => `return ${expr}`,
    log: (m) => `log.Printf("${m}")`,
  },
  java: {
    naming: 'camel',
    quote: '"',
    comment: '//',
    header: (rng) => [`package com.${word(rng)}.${word(rng)};`, '', `import java.util.${rng.pick(['List', 'Map', 'Optional'])};`, `import com.${word(rng)}.${pascal(rng)};`, ''],
    functionOpen: (name, params) => `public void ${name}(${params.map((p) => `String ${p}`).join(', ')}) {`,
    blockClose: '}',
    declare: (name, expr) => `var ${name} = ${expr};`,
    ifOpen: (cond) => `if (${cond}) {`,
    statement: (expr) => `${expr};`,
    returns: (expr) => `return ${expr};`,
    log: (m) => `LOG.info("${m}");`,
  },
  rb: {
    naming: 'snake',
    quote: "'",
    comment: '#',
    header: (rng) => [`require '${word(rng)}'`, `require_relative '${word(rng)}/${word(rng)}'`, ''],
    functionOpen: (name, params) => `def ${name}(${params.join(', ')})`,
    blockClose: 'end',
    declare: (name, expr) => `${name} = ${expr}`,
    ifOpen: (cond) => `if ${cond}`,
    statement: (expr) => expr,
    returns: (expr) => expr,
    log: (m) => `logger.info('${m}')`,
  },
  rs: {
    naming: 'snake',
    quote: '"',
    comment: '//',
    header: (rng) => [`use crate::${word(rng)}::${pascal(rng)};`, `use std::collections::HashMap;`, ''],
    functionOpen: (name, params) => `pub fn ${name}(${params.map((p) => `${p}: &str`).join(', ')}) -> Result<(), Error> {`,
    blockClose: '}',
    declare: (name, expr) => `let ${name} = ${expr};`,
    ifOpen: (cond) => `if ${cond} {`,
    statement: (expr) => `${expr};`,
    returns: (expr) => `return ${expr};`,
    log: (m) => `tracing::debug!("${m}");`,
  },
  c: {
    naming: 'snake',
    quote: '"',
    comment: '//',
    header: (rng) => [`#include <stdio.h>`, `#include "${word(rng)}.h"`, ''],
    functionOpen: (name, params) => `static int ${name}(${params.map((p) => `const char *${p}`).join(', ') || 'void'}) {`,
    blockClose: '}',
    declare: (name, expr) => `int ${name} = ${expr};`,
    ifOpen: (cond) => `if (${cond}) {`,
    statement: (expr) => `${expr};`,
    returns: (expr) => `return ${expr};`,
    log: (m) => `fprintf(stderr, "${m}\\n");`,
  },
  sh: {
    naming: 'snake',
    quote: '"',
    comment: '#',
    header: () => ['#!/usr/bin/env bash', 'set -euo pipefail', ''],
    functionOpen: (name) => `${name}() {`,
    blockClose: '}',
    declare: (name, expr) => `local ${name}=${expr}`,
    ifOpen: (cond) => `if [ -n "${cond}" ]; then`,
    statement: (expr) => expr,
    returns: (expr) => `echo ${expr}`,
    log: (m) => `echo "${m}" >&2`,
  },
};

export const SOURCE_EXTENSIONS: Record<SourceLanguage, string> = { ts: 'ts', js: 'js', py: 'py', go: 'go', java: 'java', rb: 'rb', rs: 'rs', c: 'c', sh: 'sh' };

function identifier(rng: Random, syntax: Syntax): string {
  return syntax.naming === 'camel' ? camel(rng) : snake(rng);
}

function expression(rng: Random, syntax: Syntax, depth = 0): string {
  const q = syntax.quote;
  switch (rng.int(0, depth > 1 ? 3 : 6)) {
    case 0:
      return identifier(rng, syntax);
    case 1:
      return `${q}${rng.chance(0.3) ? url(rng) : sentence(rng, 1, 5).toLowerCase()}${q}`;
    case 2:
      return String(rng.int(0, 5000));
    case 3:
      return `${identifier(rng, syntax)}.${identifier(rng, syntax)}`;
    case 4:
      return `${identifier(rng, syntax)}(${expression(rng, syntax, depth + 1)}, ${expression(rng, syntax, depth + 1)})`;
    case 5:
      return `${identifier(rng, syntax)} ${rng.pick(['+', '-', '*', '==', '!=', '&&', '||'])} ${expression(rng, syntax, depth + 1)}`;
    default:
      return `${identifier(rng, syntax)}.${identifier(rng, syntax)}(${expression(rng, syntax, depth + 1)})`;
  }
}

function functionBlock(rng: Random, syntax: Syntax, indent: string): string[] {
  const lines: string[] = [];
  const inner = indent + (syntax === SYNTAX.go ? '\t' : '    ');
  if (rng.chance(0.5)) {
    lines.push(`${indent}${syntax.comment} ${sentence(rng)}.`);
    if (rng.chance(0.4)) lines.push(`${indent}${syntax.comment} ${sentence(rng)}.`);
  }
  const params = Array.from({ length: rng.int(0, 3) }, () => identifier(rng, syntax));
  lines.push(indent + syntax.functionOpen(identifier(rng, syntax), params));
  const statements = rng.int(3, 16);
  for (let i = 0; i < statements; i++) {
    const roll = rng.int(0, 9);
    if (roll < 4) lines.push(inner + syntax.declare(identifier(rng, syntax), expression(rng, syntax)));
    else if (roll < 6) lines.push(inner + syntax.statement(expression(rng, syntax)));
    else if (roll < 7) lines.push(inner + syntax.log(sentence(rng, 2, 8).toLowerCase()));
    else if (roll < 8) lines.push(`${inner}${syntax.comment} ${sentence(rng)}`);
    else {
      lines.push(inner + syntax.ifOpen(expression(rng, syntax, 1)));
      lines.push(`${inner}    ${syntax.statement(expression(rng, syntax))}`);
      lines.push(`${inner}    ${syntax.returns(expression(rng, syntax, 1))}`);
      if (syntax.blockClose !== undefined) lines.push(inner + (syntax === SYNTAX.sh ? 'fi' : syntax.blockClose));
    }
  }
  lines.push(inner + syntax.returns(expression(rng, syntax, 1)));
  if (syntax.blockClose !== undefined) lines.push(indent + syntax.blockClose);
  lines.push('');
  return lines;
}

export function sourceFile(rng: Random, language: SourceLanguage, targetBytes: number): string[] {
  const syntax = SYNTAX[language];
  const lines = [`${syntax.comment} ${sentence(rng)}.`, ...syntax.header(rng)];
  let bytes = 0;
  while (bytes < targetBytes) {
    for (const line of functionBlock(rng, syntax, '')) {
      lines.push(line);
      bytes += line.length + 1;
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Configuration

export type ConfigFormat = 'yaml' | 'json' | 'toml' | 'ini' | 'env' | 'npmrc';

function yamlDocument(rng: Random): string[] {
  const name = `${word(rng)}-${word(rng)}`;
  switch (rng.int(0, 2)) {
    case 0: {
      const lines = [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: ${name}`,
        `  namespace: ${word(rng)}`,
        '  labels:',
        `    app: ${name}`,
        `    tier: ${word(rng)}`,
        'spec:',
        `  replicas: ${rng.int(1, 6)}`,
        '  template:',
        '    spec:',
        '      containers:',
        `        - name: ${name}`,
        `          image: registry.internal/${word(rng)}/${name}:${semver(rng)}`,
        '          ports:',
        `            - containerPort: ${rng.pick([80, 443, 3000, 8080, 9090])}`,
        '          env:',
      ];
      for (let i = rng.int(2, 8); i > 0; i--) {
        const envName = snake(rng, 2).toUpperCase();
        if (rng.chance(0.3)) {
          lines.push(`            - name: ${envName}`, '              valueFrom:', '                secretKeyRef:', `                  name: ${name}-secrets`, `                  key: ${word(rng)}-${rng.pick(['password', 'token', 'key'])}`);
        } else {
          lines.push(`            - name: ${envName}`, `              value: "${rng.chance(0.5) ? word(rng) : rng.int(1, 9999)}"`);
        }
      }
      lines.push('          resources:', '            limits:', `              memory: ${rng.pick([256, 512, 1024])}Mi`, `              cpu: ${rng.pick(['250m', '500m', '1'])}`, '---');
      return lines;
    }
    case 1: {
      const lines = [`name: ${word(rng)}`, 'on:', '  push:', '    branches: [main]', '  pull_request:', 'jobs:'];
      for (let j = rng.int(1, 3); j > 0; j--) {
        lines.push(`  ${word(rng)}:`, '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4');
        for (let s = rng.int(2, 6); s > 0; s--) {
          lines.push(`      - name: ${sentence(rng, 2, 5)}`, `        run: ${rng.pick(['npm', 'make', 'go', 'cargo', 'pytest'])} ${word(rng)} --${word(rng)}`);
          if (rng.chance(0.3)) lines.push('        env:', `          ${snake(rng, 2).toUpperCase()}: \${{ secrets.${snake(rng, 2).toUpperCase()} }}`);
        }
      }
      return lines;
    }
    default: {
      const lines = [`${word(rng)}:`];
      for (let i = rng.int(4, 20); i > 0; i--) {
        if (rng.chance(0.25)) {
          lines.push(`  ${snake(rng)}:`);
          for (let k = rng.int(1, 5); k > 0; k--) lines.push(`    ${snake(rng)}: ${rng.chance(0.5) ? word(rng) : rng.int(0, 10000)}`);
        } else {
          lines.push(`  ${snake(rng)}: ${rng.pick([String(rng.chance(0.5)), String(rng.int(0, 65535)), url(rng), word(rng)])}`);
        }
      }
      return lines;
    }
  }
}

function jsonValue(rng: Random, depth: number): unknown {
  const roll = rng.int(0, depth > 2 ? 4 : 6);
  if (roll === 0) return rng.int(0, 100000);
  if (roll === 1) return rng.chance(0.5);
  if (roll === 2) return url(rng);
  if (roll === 3) return sentence(rng, 1, 6);
  if (roll === 4) return word(rng);
  if (roll === 5) return Array.from({ length: rng.int(1, 5) }, () => jsonValue(rng, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = rng.int(2, 8); i > 0; i--) out[camel(rng, rng.int(1, 2))] = jsonValue(rng, depth + 1);
  return out;
}

export function configFile(rng: Random, format: ConfigFormat, targetBytes: number): string[] {
  const lines: string[] = [];
  let bytes = 0;
  const push = (more: string[]): void => {
    for (const line of more) {
      lines.push(line);
      bytes += line.length + 1;
    }
  };
  switch (format) {
    case 'yaml':
      while (bytes < targetBytes) push(yamlDocument(rng));
      return lines;
    case 'json': {
      const root: Record<string, unknown> = {};
      while (bytes < targetBytes) {
        const key = camel(rng);
        const value = jsonValue(rng, 0);
        root[key] = value;
        bytes += JSON.stringify(value, null, 2).length + key.length + 8;
      }
      return JSON.stringify(root, null, 2).split('\n');
    }
    case 'toml':
      push([`[package]`, `name = "${word(rng)}-${word(rng)}"`, `version = "${semver(rng)}"`, `edition = "2021"`, '']);
      while (bytes < targetBytes) {
        push([`[${rng.pick(['dependencies', 'tool', 'features', 'profile'])}.${word(rng)}]`]);
        for (let i = rng.int(2, 10); i > 0; i--) push([`${snake(rng)} = ${rng.pick([`"${semver(rng)}"`, String(rng.int(0, 100)), 'true', 'false', `"${word(rng)}"`])}`]);
        push(['']);
      }
      return lines;
    case 'ini':
      while (bytes < targetBytes) {
        push([`[${word(rng)}]`]);
        for (let i = rng.int(2, 10); i > 0; i--) push([`${snake(rng)} = ${rng.pick([word(rng), String(rng.int(0, 10000)), url(rng), 'on', 'off'])}`]);
        push(['']);
      }
      return lines;
    case 'env':
      push([`# ${sentence(rng)}`]);
      while (bytes < targetBytes) {
        const name = snake(rng, rng.int(1, 3)).toUpperCase();
        push([`${name}=${rng.pick([word(rng), String(rng.int(1, 65535)), url(rng), 'true', 'false', `\${${name}}`, 'changeme'])}`]);
      }
      return lines;
    case 'npmrc':
      push([`registry=https://registry.npmjs.org/`, `@${word(rng)}:registry=https://npm.pkg.${word(rng)}.dev/`, 'save-exact=true', `engine-strict=${rng.chance(0.5)}`]);
      return lines;
  }
}

// ---------------------------------------------------------------------------------------------
// Lockfiles

export type LockfileFormat = 'package-lock' | 'yarn-lock' | 'go-sum' | 'cargo-lock';

const integrity = (rng: Random): string => `sha512-${rng.bytes(64).toString('base64')}`;

export function lockfile(rng: Random, format: LockfileFormat, targetBytes: number): string[] {
  const lines: string[] = [];
  let bytes = 0;
  const push = (more: string[]): void => {
    for (const line of more) {
      lines.push(line);
      bytes += line.length + 1;
    }
  };
  switch (format) {
    case 'package-lock': {
      push(['{', `  "name": "${word(rng)}-${word(rng)}",`, `  "version": "${semver(rng)}",`, '  "lockfileVersion": 3,', '  "requires": true,', '  "packages": {']);
      let first = true;
      while (bytes < targetBytes) {
        const name = packageName(rng);
        const version = semver(rng);
        const base = name.includes('/') ? name.split('/')[1] : name;
        const entry = [
          `    "node_modules/${name}": {`,
          `      "version": "${version}",`,
          `      "resolved": "https://registry.npmjs.org/${name}/-/${base}-${version}.tgz",`,
          `      "integrity": "${integrity(rng)}",`,
        ];
        if (rng.chance(0.5)) entry.push('      "dev": true,');
        if (rng.chance(0.4)) {
          entry.push('      "dependencies": {');
          const deps = rng.int(1, 5);
          for (let i = 0; i < deps; i++) entry.push(`        "${packageName(rng)}": "^${semver(rng)}"${i < deps - 1 ? ',' : ''}`);
          entry.push('      },');
        }
        entry.push(`      "license": "${rng.pick(['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause'])}"`);
        if (!first) lines[lines.length - 1] += ',';
        first = false;
        push([...entry, '    }']);
      }
      push(['  }', '}']);
      return lines;
    }
    case 'yarn-lock':
      push(['# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.', '# yarn lockfile v1', '', '']);
      while (bytes < targetBytes) {
        const name = packageName(rng);
        const version = semver(rng);
        const base = name.includes('/') ? name.split('/')[1] : name;
        push([
          `"${name}@^${version}":`,
          `  version "${version}"`,
          `  resolved "https://registry.yarnpkg.com/${name}/-/${base}-${version}.tgz#${rng.chars(40, ALPHABETS.hex)}"`,
          `  integrity ${integrity(rng)}`,
        ]);
        if (rng.chance(0.4)) {
          push(['  dependencies:']);
          for (let i = rng.int(1, 4); i > 0; i--) push([`    ${packageName(rng)} "^${semver(rng)}"`]);
        }
        push(['']);
      }
      return lines;
    case 'go-sum':
      while (bytes < targetBytes) {
        const mod = `github.com/${word(rng)}/${word(rng)}`;
        const version = `v${semver(rng)}`;
        push([`${mod} ${version} h1:${rng.bytes(32).toString('base64')}`, `${mod} ${version}/go.mod h1:${rng.bytes(32).toString('base64')}`]);
      }
      return lines;
    case 'cargo-lock':
      push(['# This file is automatically @generated by Cargo.', 'version = 3', '']);
      while (bytes < targetBytes) {
        push(['[[package]]', `name = "${word(rng)}-${word(rng)}"`, `version = "${semver(rng)}"`, 'source = "registry+https://github.com/rust-lang/crates.io-index"', `checksum = "${rng.chars(64, ALPHABETS.hex)}"`, '']);
      }
      return lines;
  }
}

// ---------------------------------------------------------------------------------------------
// Minified JavaScript: one long line (plus the source-map comment), like a production bundle.

function shortName(rng: Random): string {
  return rng.chars(1, 'abcdefghijklmnopqrstuvwxyz$_') + (rng.chance(0.5) ? rng.chars(1, ALPHABETS.base62) : '');
}

function minifiedPiece(rng: Random): string {
  const a = shortName(rng);
  const b = shortName(rng);
  const c = shortName(rng);
  switch (rng.int(0, 9)) {
    case 0:
      return `function ${a}(${b},${c}){return ${b}&&${c}.${camel(rng)}(${b})}`;
    case 1:
      return `var ${a}=${b}.${camel(rng)}||{};`;
    case 2:
      return `${a}.prototype.${camel(rng)}=function(${b}){this.${camel(rng)}=${b};return this};`;
    case 3:
      return `const ${a}="${sentence(rng, 1, 6)}";`;
    case 4:
      return `${a}.exports={${camel(rng)}:${b},${camel(rng)}:"${url(rng)}",${camel(rng)}:${rng.int(0, 99999)}};`;
    case 5:
      return `if(!${a}.${camel(rng)})throw new Error("${sentence(rng, 2, 7)}");`;
    case 6:
      return `${a}=${b}?${c}(${rng.int(0, 255)}):${c}.${camel(rng)};`;
    case 7:
      return `${a}.className="${word(rng)}-${word(rng)} ${word(rng)}__${word(rng)}";`;
    case 8:
      // Inline assets: long, high-entropy base64 runs are common in bundles.
      return rng.chance(0.15) ? `${a}.src="data:image/png;base64,${rng.bytes(rng.int(300, 4000)).toString('base64')}";` : `for(var ${a}=0;${a}<${b}.length;${a}++)${c}(${b}[${a}]);`;
    default:
      return `Object.defineProperty(${a},"${camel(rng)}",{enumerable:!0,get:function(){return ${b}}});`;
  }
}

export function minifiedBundle(rng: Random, targetBytes: number): string[] {
  const parts: string[] = ['!function(e,t){"use strict";'];
  let bytes = parts[0]?.length ?? 0;
  while (bytes < targetBytes) {
    const piece = minifiedPiece(rng);
    parts.push(piece);
    bytes += piece.length;
  }
  parts.push('}(this);');
  return [parts.join(''), `//# sourceMappingURL=${word(rng)}.min.js.map`];
}

// ---------------------------------------------------------------------------------------------
// Markdown

export function markdownFile(rng: Random, targetBytes: number): string[] {
  const lines = [`# ${sentence(rng, 2, 5)}`, ''];
  let bytes = 0;
  const push = (more: string[]): void => {
    for (const line of more) {
      lines.push(line);
      bytes += line.length + 1;
    }
  };
  while (bytes < targetBytes) {
    const roll = rng.int(0, 5);
    if (roll === 0) push([`## ${sentence(rng, 2, 6)}`, '']);
    else if (roll <= 2) push([`${sentence(rng, 10, 30)}. ${sentence(rng, 6, 20)}.`, '']);
    else if (roll === 3) push([...Array.from({ length: rng.int(2, 6) }, () => `- ${sentence(rng, 3, 10)}`), '']);
    else {
      const language = rng.pick<SourceLanguage>(['ts', 'py', 'go', 'sh']);
      push(['```' + language, ...functionBlock(rng, SYNTAX[language], ''), '```', '']);
    }
  }
  return lines;
}
