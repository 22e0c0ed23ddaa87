/**
 * Every provider module is tested: each has its own test file in this folder, holding the contract's
 * cases (contract.ts) and what is particular to that provider.
 */
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../../src/verify/provider-registry.js';

it('covers every provider module with at least one case', () => {
  const covered = new Set(readdirSync(new URL('.', import.meta.url)).flatMap((name) => (name.endsWith('.test.ts') ? [name.slice(0, -'.test.ts'.length)] : [])));
  expect([...PROVIDER_IDS].filter((id) => !covered.has(id))).toEqual([]);
});
