/**
 * XML exports (Jira RSS, ServiceNow unload), streamed through saxes: each record element becomes a
 * small tree once it closes, so memory holds one record. Elements remember the line and column
 * where their text starts. saxes reports well-formedness errors and goes on; they are passed on as
 * warnings with their position. Entities XML does not define (`&nbsp;` in HTML pasted into XML) are
 * not errors here: the text keeps them and the HTML reading decodes them.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ReaderContext } from './types.js';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside this element (CDATA included). */
  text: string;
  /** Where the element's content starts. */
  line: number;
  column: number;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** Concatenated text of an element and its descendants. */
export function deepText(element: XmlElement): string {
  if (element.children.length === 0) return element.text;
  return element.text + element.children.map(deepText).join('');
}

/** The errors worth a warning: not the undefined HTML entities every Jira export is full of. */
const IGNORED_ERRORS = /undefined entity/;
const MAX_WARNINGS = 20;

/**
 * Record elements, as they close. `isRecord(name, depth)` picks them (depth 1 = the root element).
 */
export async function* xmlRecords(
  pieces: AsyncIterable<string>,
  isRecord: (name: string, depth: number, parent: string | undefined) => boolean,
  path: string,
  context: ReaderContext,
): AsyncGenerator<XmlElement> {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const ready: XmlElement[] = [];
  const names: string[] = [];
  /** Elements being built (inside a record), innermost last. */
  const open: XmlElement[] = [];
  let recordDepth = -1;
  let warnings = 0;
  let rootSeen = false;
  /** Elements left open when the input ends: one warning for a truncated file, not one per element. */
  let closing = false;
  const unclosed: string[] = [];

  parser.on('error', (error) => {
    if (IGNORED_ERRORS.test(error.message)) return;
    const open = closing ? /unclosed tag: (.+)$/.exec(error.message) : null;
    if (open) {
      unclosed.push(open[1] as string);
      return;
    }
    warnings++;
    if (warnings <= MAX_WARNINGS) {
      context.warn({ code: 'input', path, message: `invalid XML at line ${parser.line}, column ${parser.column}: ${error.message.replace(/^\d+:\d+: /, '')}; reading on`, line: parser.line });
    } else if (warnings === MAX_WARNINGS + 1) {
      context.warn({ code: 'input', path, message: 'more XML errors follow; not listing them' });
    }
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    rootSeen = true;
    const parent = names[names.length - 1];
    names.push(tag.name);
    const depth = names.length;
    if (recordDepth < 0 && !isRecord(tag.name, depth, parent)) return;
    if (recordDepth < 0) recordDepth = depth;
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: '',
      line: parser.line,
      column: parser.column + 1,
    };
    open[open.length - 1]?.children.push(element);
    open.push(element);
  });
  const onText = (text: string): void => {
    const current = open[open.length - 1];
    if (current) current.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const depth = names.length;
    names.pop();
    if (recordDepth < 0) return;
    const element = open.pop();
    if (depth === recordDepth) {
      recordDepth = -1;
      if (element) ready.push(element);
    }
  });

  for await (const piece of pieces) {
    parser.write(piece);
    yield* ready;
    ready.length = 0;
  }
  const end = { line: parser.line, column: parser.column + 1 };
  closing = true;
  parser.close();
  if (unclosed.length > 0) {
    const inner = unclosed.map((name) => `<${name}>`).join(' in ');
    context.warn({ code: 'input', path, message: `the file ends at line ${end.line}, column ${end.column} inside ${inner}: it is truncated; what the open elements hold is scanned`, line: end.line });
  }
  // A truncated file: records still open are handed over with what they hold.
  if (open.length > 0) ready.push(open[0] as XmlElement);
  yield* ready;
  if (!rootSeen) context.warn({ code: 'input', path, message: 'no XML element found' });
}
