#!/usr/bin/env node
// Entry point: load only the CLI dispatcher; each command loads what it needs.
import module from 'node:module';

// Node 22.1 and later keep the compiled code of loaded modules between runs, which a pre-commit
// hook (a fresh process on every commit) gains from most; older Node has no such cache.
module.enableCompileCache?.();
const { main } = await import('../lib/cli/main.js');

process.exitCode = await main(process.argv);
