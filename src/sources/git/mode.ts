/** What a git scan covers: what is staged, a range of commits, or the history of every ref (or one). */
export type GitMode =
  | { kind: 'staged' }
  | { kind: 'diff'; range: string }
  | { kind: 'history'; branch?: string; since?: string };
