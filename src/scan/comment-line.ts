/**
 * Whether a secret sits on a comment line of a code file: the line, up to the secret, starts with a
 * comment marker (`#`, `//`, `/*`, ` * ` inside a block comment, `<!--`, `-- `). Such a finding is
 * documentation of the code around it (context.ts makes it `docs`); a provider key with a proven
 * structure still counts as an incident there (fixture-policy.ts).
 *
 * Only code files are judged: in configuration and `.env` files a `#` line is a setting switched
 * off, and a credential left in one is as live as any other. A C preprocessor line (`#define`) and
 * attributes or shebangs (`#[…]`, `#!`) are code, not comments.
 */
import { fileKind } from '../engine/generic/names.js';

const COMMENT_START = /^[ \t]*(?:#(?![!{[])(?![ \t]*(?:define|include|if|ifdef|ifndef|else|elif|endif|pragma|undef|error|warning|region|endregion|import|line)\b)|\/\/|\/\*|\*(?!\/)|<!--|--[ \t])/;

/** The line holding text[at] starts with a comment marker, in a code file at `path`. */
export function onCommentLine(text: string, at: number, path: string | undefined): boolean {
  if (fileKind(path) !== 'code') return false;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  // The marker is at the start of the line: a short look is enough.
  return COMMENT_START.test(text.slice(lineStart, Math.min(at, lineStart + 120)));
}
