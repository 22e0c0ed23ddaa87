// Write schema/sprawlguard.schema.json from the configuration's zod schema (run after `tsc`, like
// compile-rules). A test fails while the committed file differs from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { configJsonSchemaText } = await import(path.join(root, 'lib/config/json-schema.js'));
const file = path.join(root, 'schema', 'sprawlguard.schema.json');
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, configJsonSchemaText());
console.log(`config-schema: wrote ${path.relative(root, file)}`);
