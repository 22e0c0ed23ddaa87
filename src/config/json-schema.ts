/**
 * The JSON Schema of `.sprawlguard.yaml`, generated from the zod schema the loader validates with
 * (so the two cannot drift): editors that read `# yaml-language-server: $schema=…` complete keys and
 * flag mistakes as the file is typed. `npm run schema` writes it to schema/sprawlguard.schema.json,
 * and a test checks that the committed file is current.
 */
import { z } from 'zod';
import { customRuleSchema } from '../rules/schema.js';
import { configSchema } from './file-schema.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> };

export function configJsonSchema(): JsonSchema {
  // Input side: what a user writes (defaults optional, sizes as numbers or strings).
  const options = { io: 'input', unrepresentable: 'any' } as const;
  const schema = z.toJSONSchema(configSchema, options) as JsonSchema;
  const { $schema: _dialect, ...rule } = z.toJSONSchema(customRuleSchema, options) as JsonSchema;
  const rules = schema.properties?.rules;
  if (rules) rules.items = { $ref: '#/$defs/customRule' };
  return {
    $schema: schema.$schema,
    title: 'sprawlguard configuration (.sprawlguard.yaml)',
    ...schema,
    $defs: { customRule: { title: 'custom rule', ...rule } },
  };
}

/** The schema as the committed file holds it. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
