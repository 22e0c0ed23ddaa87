/**
 * What people and providers decided about a secret: its triage status (`allowed` after review, or
 * by the configuration's allowlist), a provider's live/dead verdict, and a confirmed revocation.
 */
import { hasSecret } from './read-records.js';
import type { RevocationInput, SecretStatus, VerificationInput } from './records.js';
import type { Store } from './store.js';

/** Set a secret's triage status (e.g. `allowed` after review). False when the fingerprint is unknown. */
export function setStatus(store: Store, fingerprint: string, status: SecretStatus): boolean {
  const changes = store.transaction(
    () => store.prepare('UPDATE secrets SET status = ?, status_changed_at = ? WHERE fingerprint = ? AND status != ?').run(status, store.stamp(), fingerprint, status).changes,
  );
  return changes > 0 || hasSecret(store, fingerprint);
}

/** Mark known secrets whose fingerprints the configuration allowlists as `allowed`. */
export function markAllowed(store: Store, fingerprints: Iterable<string>): number {
  const list = [...fingerprints];
  const update = store.prepare("UPDATE secrets SET status = 'allowed', status_changed_at = ? WHERE fingerprint = ? AND status = 'open'");
  return store.transaction(() => {
    let n = 0;
    for (const fp of list) n += update.run(store.stamp(), fp).changes;
    return n;
  });
}

/**
 * Record a provider's verdict on a secret (the verification runner's `VerificationRecorder`):
 * live → `verified-live`, dead → `dead` (a revoked secret stays `revoked`), unknown leaves the
 * status as it is. An `allowed` secret keeps its triage status; the verdict is stored beside it.
 * A fingerprint the inventory does not hold is ignored (there is nothing to attach it to).
 */
export function recordVerification(store: Store, record: VerificationInput): void {
  store.transaction(() => applyVerification(store, record));
}

function applyVerification(store: Store, record: VerificationInput): void {
  const current = store.prepare('SELECT status FROM secrets WHERE fingerprint = ?').get(record.fingerprint) as { status: SecretStatus } | undefined;
  if (!current) return;
  const { status, identity, reason } = record.result;
  let next = current.status;
  if (current.status !== 'allowed') {
    if (status === 'live') next = 'verified-live';
    else if (status === 'dead' && current.status !== 'revoked') next = 'dead';
  }
  store
    .prepare(
      `UPDATE secrets SET verified_status = ?, verified_at = ?, verified_identity = ?, verified_reason = ?,
         status = ?, status_changed_at = CASE WHEN status = ? THEN status_changed_at ELSE ? END
       WHERE fingerprint = ?`,
    )
    .run(
      status,
      record.checkedAt,
      identity && Object.keys(identity).length > 0 ? JSON.stringify(identity) : null,
      reason ?? null,
      next,
      next,
      record.checkedAt,
      record.fingerprint,
    );
}

/** Record a revocation outcome; only a confirmed `revoked` changes the secret's status. */
export function recordRevocation(store: Store, record: RevocationInput): void {
  if (record.status !== 'revoked') return;
  const now = store.stamp();
  store.transaction(() =>
    store.prepare("UPDATE secrets SET status = 'revoked', status_changed_at = ?, revoked_at = ? WHERE fingerprint = ?").run(now, now, record.fingerprint),
  );
}
