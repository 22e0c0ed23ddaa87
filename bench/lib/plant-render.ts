/**
 * Write planted values the way each kind of file would hold them: an assignment in code, a key in
 * YAML/JSON/TOML/INI, a line in `.env` or `.npmrc`, a property in a minified bundle, a whole `.pem`
 * file. Multi-line private keys appear as real line breaks, YAML block scalars or `\n` escapes,
 * depending on the file, as they do in real repositories.
 */
import type { ConfigFormat, SourceLanguage } from './corpus-content.js';
import type { Assignment } from './secrets.js';

export type PlantFormat = SourceLanguage | ConfigFormat | 'md' | 'minified' | 'pem';

export interface RenderedSpan {
  kind: string;
  /** The raw value (what the scanner should report). */
  raw: string;
  /** The value exactly as it appears in `text`. */
  rendered: string;
}

export interface RenderedBlock {
  /** Text to insert; contains line breaks unless the format is `minified`. */
  text: string;
  spans: RenderedSpan[];
}

const camelName = (name: string): string => name.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const snakeName = (name: string): string => name.toLowerCase();
const escapeNewlines = (value: string): string => value.replace(/\n/g, '\\n');

function renderOne(format: PlantFormat, a: Assignment): { text: string; rendered: string } {
  const multi = a.value.includes('\n');
  const esc = escapeNewlines(a.value);
  const line = (before: string, rendered: string, after = ''): { text: string; rendered: string } => ({ text: before + rendered + after, rendered });
  switch (format) {
    case 'ts':
      return line(`const ${camelName(a.name)} = '`, esc, `';`);
    case 'js':
      return line(`var ${camelName(a.name)} = "`, esc, `";`);
    case 'py':
      return multi ? line(`${a.name} = """`, a.value, `"""`) : line(`${a.name} = "`, a.value, `"`);
    case 'go':
      return multi ? line(`const ${camelName(a.name)} = \``, a.value, '`') : line(`const ${camelName(a.name)} = "`, a.value, `"`);
    case 'java':
      return line(`private static final String ${a.name} = "`, esc, `";`);
    case 'rb':
      return line(`${a.name} = "`, esc, `"`);
    case 'rs':
      return line(`const ${a.name}: &str = "`, a.value, `";`);
    case 'c':
      return line(`#define ${a.name} "`, esc, `"`);
    case 'sh':
      return line(`export ${a.name}="`, a.value, `"`);
    case 'yaml':
      if (multi) {
        const rendered = a.value.split('\n').join('\n  ');
        return { text: `${snakeName(a.name)}: |\n  ${rendered}`, rendered };
      }
      return line(`${snakeName(a.name)}: `, a.value);
    case 'json':
      return line(`  "${snakeName(a.name)}": "`, esc, `",`);
    case 'toml':
      return line(`${snakeName(a.name)} = "`, esc, `"`);
    case 'ini':
      return line(`${snakeName(a.name)} = `, esc);
    case 'env':
      return multi ? line(`${a.name}="`, esc, `"`) : line(`${a.name}=`, a.value);
    case 'npmrc':
      return a.kind === 'npm-token' ? line('//registry.npmjs.org/:_authToken=', a.value) : line(`${snakeName(a.name)}=`, esc);
    case 'md':
      return multi ? { text: '```\n' + a.value + '\n```', rendered: a.value } : line(`    export ${a.name}=`, a.value);
    case 'minified':
      return line(`${camelName(a.name)}:"`, esc, `",`);
    case 'pem':
      return { text: a.value, rendered: a.value };
  }
}

export function renderAssignments(format: PlantFormat, assignments: readonly Assignment[]): RenderedBlock {
  const parts = assignments.map((a) => ({ a, ...renderOne(format, a) }));
  const separator = format === 'minified' ? '' : '\n';
  const text = format === 'minified' ? `var cfg={${parts.map((p) => p.text).join(separator)}};` : parts.map((p) => p.text).join(separator);
  return { text, spans: parts.map((p) => ({ kind: p.a.kind, raw: p.a.value, rendered: p.rendered })) };
}
