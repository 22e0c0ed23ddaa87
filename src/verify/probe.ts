/**
 * Helpers shared by provider modules: send one request and turn the answer into a verdict, and run
 * a revoke call per item so one failure never stops the others.
 */
import { unexpected, type HttpRequestSpec, type HttpResponse } from './http.js';
import { unknown, type ProviderContext, type RevokeAttempt, type RevokeItem, type VerifyResult } from './provider-module.js';

/**
 * Send `spec`; a transport failure (timeout, network, redirect, exhausted retries) is `unknown` with
 * its reason; `classify` decides the rest and returns undefined for answers it does not recognise.
 */
export async function probe(
  context: ProviderContext,
  spec: HttpRequestSpec,
  classify: (response: HttpResponse) => VerifyResult | undefined,
): Promise<VerifyResult> {
  const result = await context.http.request(spec);
  if (!result.ok) return unknown(result.reason);
  return classify(result.response) ?? unknown(unexpected(result.response));
}

/** Revoke items one at a time; an exception on one item becomes that item's failed attempt. */
export async function eachItem(
  items: readonly RevokeItem[],
  revokeOne: (item: RevokeItem) => Promise<RevokeAttempt>,
): Promise<RevokeAttempt[]> {
  const attempts: RevokeAttempt[] = [];
  for (const item of items) {
    try {
      attempts.push(await revokeOne(item));
    } catch (error) {
      attempts.push({ ok: false, detail: `revoke failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return attempts;
}

/** The attempt for a revoke call's HTTP result. */
export async function revokeCall(
  context: ProviderContext,
  spec: HttpRequestSpec,
  judge: (response: HttpResponse) => RevokeAttempt,
): Promise<RevokeAttempt> {
  const result = await context.http.request(spec);
  if (!result.ok) return { ok: false, detail: result.reason };
  return judge(result.response);
}

/** "HTTP 403: <provider message>" for failure details (the runner scrubs and shortens it). */
export function failure(response: HttpResponse, what: string): RevokeAttempt {
  const message = providerMessage(response);
  return { ok: false, detail: `${what} (HTTP ${response.status}${message ? `: ${message}` : ''})` };
}

/** The provider's own error message when it sends one in a common shape. */
export function providerMessage(response: HttpResponse): string | undefined {
  const json = response.json as Record<string, unknown> | undefined;
  if (json && typeof json === 'object') {
    for (const key of ['message', 'error_description', 'error', 'detail']) {
      const v = json[key];
      if (typeof v === 'string' && v !== '') return v;
      if (v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string') return (v as { message: string }).message;
    }
    const errors = json.errors;
    if (Array.isArray(errors) && errors.length > 0) {
      const first = errors[0] as unknown;
      if (typeof first === 'string') return first;
      if (first && typeof first === 'object' && typeof (first as { message?: unknown }).message === 'string') return (first as { message: string }).message;
    }
  }
  return undefined;
}
