#!/usr/bin/env node
// Entry point: load only the CLI dispatcher; each command loads what it needs.
import { main } from '../lib/cli/main.js';

process.exitCode = await main(process.argv);
