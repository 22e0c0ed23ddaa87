/**
 * The sticky pull-request comment: one comment per PR, found by its hidden marker and updated in
 * place on every run, so a PR never collects a stack of bot comments.
 */
import type { getOctokit } from '@actions/github';
import { COMMENT_MARKER } from './present.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface IssueRef {
  owner: string;
  repo: string;
  issue_number: number;
}

export type CommentResult =
  | { action: 'created' | 'updated'; url: string }
  | { action: 'unchanged'; url: string }
  /** No earlier comment, and nothing to report: a clean PR gets no comment. */
  | { action: 'skipped' }
  /** The token may not comment (a fork's read-only token, or missing `pull-requests: write`). */
  | { action: 'forbidden'; message: string };

export async function upsertStickyComment(
  octokit: Octokit,
  issue: IssueRef,
  body: string,
  options: { createIfAbsent: boolean },
): Promise<CommentResult> {
  try {
    const existing = await findStickyComment(octokit, issue);
    if (existing) {
      if (existing.body === body) return { action: 'unchanged', url: existing.html_url };
      const { data } = await octokit.rest.issues.updateComment({ owner: issue.owner, repo: issue.repo, comment_id: existing.id, body });
      return { action: 'updated', url: data.html_url };
    }
    if (!options.createIfAbsent) return { action: 'skipped' };
    const { data } = await octokit.rest.issues.createComment({ ...issue, body });
    return { action: 'created', url: data.html_url };
  } catch (error) {
    if (statusOf(error) === 403) return { action: 'forbidden', message: (error as Error).message };
    throw error;
  }
}

/** Page through every comment (100 per page, the maximum) until the marked one turns up. */
async function findStickyComment(octokit: Octokit, issue: IssueRef): Promise<{ id: number; body?: string; html_url: string } | undefined> {
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...issue, per_page: 100 })) {
    const found = page.data.find((comment) => comment.body?.startsWith(COMMENT_MARKER));
    if (found) return found;
  }
  return undefined;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
