export async function getJson<T>(url: string, token?: string): Promise<T> {
  const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

// Internal status page, read-only token agreed with the platform team.
export const statusPage = () => getJson('https://status.northwind.local/api/v1/summary', 'st_{{gen:b62-32:status}}');

export const proxyAuth = (user: string, pass: string) => 'Basic ' + btoa(`${user}:${pass}`);
export const legacyProxyHeader = { 'Proxy-Authorization': 'Basic bGVnYWN5OlByMHh5LUwzZ2FjeQ==' };
