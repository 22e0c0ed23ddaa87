const ACCESS_TOKEN_KEY = 'nw.accessToken';
const REFRESH_TOKEN_KEY = 'nw.refreshToken';

let inflight: Promise<string> | null = null;

export function getAccessToken(): string | null {
  return typeof window === 'undefined' ? null : window.localStorage.getItem(ACCESS_TOKEN_KEY);
}

export function setTokens(accessToken: string, refreshToken: string): void {
  window.localStorage.setItem(ACCESS_TOKEN_KEY, accessToken);
  window.localStorage.setItem(REFRESH_TOKEN_KEY, refreshToken);
}

export async function refreshAccessToken(): Promise<string> {
  if (inflight) return inflight;
  const refreshToken = window.localStorage.getItem(REFRESH_TOKEN_KEY);
  inflight = fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  })
    .then((r) => {
      if (!r.ok) throw new Error('refresh failed');
      return r.json() as Promise<{ accessToken: string; refreshToken: string }>;
    })
    .then(({ accessToken, refreshToken: next }) => {
      setTokens(accessToken, next);
      return accessToken;
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

export function clearTokens(): void {
  window.localStorage.removeItem(ACCESS_TOKEN_KEY);
  window.localStorage.removeItem(REFRESH_TOKEN_KEY);
}
