/**
 * Atlassian Document Format (Jira REST v3, Confluence) → text. Marks split a text run into separate
 * text nodes (`ghp_ab` plain, `cd…` in bold), so the text nodes of each block are concatenated
 * before matching; blocks are separated by line breaks. Link targets are added on their own lines
 * after the document, since tokens hide in URLs. Each text node keeps its place in the file.
 */
import { isObject, type JsonObject, type JsonValue, type StringPositions } from './json-stream.js';
import type { PositionMap } from './types.js';

const INLINE = new Set(['text', 'hardBreak', 'mention', 'emoji', 'inlineCard', 'status', 'date', 'placeholder', 'mediaInline', 'inlineExtension']);

export function isAdfDocument(value: JsonValue | undefined): value is JsonObject {
  return isObject(value) && value.type === 'doc' && Array.isArray(value.content);
}

export interface AdfText {
  text: string;
  map: PositionMap;
}

export function adfToText(doc: JsonObject, positions: StringPositions): AdfText {
  let text = '';
  const segments: number[] = [];
  const links: { href: string; container: object }[] = [];

  const append = (piece: string, container: object | undefined, key: string): void => {
    if (piece.length === 0) return;
    const at = container ? positions.get(container, key) : undefined;
    if (at) segments.push(text.length, at.line, at.column);
    text += piece;
  };
  const newline = (): void => {
    if (text.length > 0 && !text.endsWith('\n')) text += '\n';
  };

  const visit = (node: JsonValue, depth: number): void => {
    if (!isObject(node) || depth > 64) return;
    const type = typeof node.type === 'string' ? node.type : '';
    const attrs = isObject(node.attrs) ? node.attrs : undefined;
    switch (type) {
      case 'text':
        if (typeof node.text === 'string') append(node.text, node, 'text');
        if (Array.isArray(node.marks)) {
          for (const mark of node.marks) {
            const href = isObject(mark) && isObject(mark.attrs) ? mark.attrs.href : undefined;
            if (isObject(mark) && isObject(mark.attrs) && typeof href === 'string') links.push({ href, container: mark.attrs });
          }
        }
        return;
      case 'hardBreak':
        text += '\n';
        return;
      case 'mention':
      case 'emoji':
      case 'status':
        if (attrs && typeof attrs.text === 'string') append(attrs.text, attrs, 'text');
        else if (attrs && typeof attrs.shortName === 'string') append(attrs.shortName, attrs, 'shortName');
        return;
      case 'inlineCard':
      case 'blockCard':
      case 'embedCard':
        if (attrs && typeof attrs.url === 'string') append(` ${attrs.url} `, attrs, 'url');
        return;
    }
    if (Array.isArray(node.content)) {
      for (const item of node.content) visit(item, depth + 1);
    }
    if (!INLINE.has(type)) newline();
  };

  visit(doc, 0);
  for (const link of links) {
    newline();
    append(link.href, link.container, 'href');
  }
  if (segments.length === 0) segments.push(0, 1, 1);
  return { text: text.replace(/\n$/, ''), map: { kind: 'segments', segments } };
}
