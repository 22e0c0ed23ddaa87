import axios, { type AxiosInstance } from 'axios';
import { getAccessToken, refreshAccessToken } from '../auth/tokens';

const baseURL = process.env.NEXT_PUBLIC_API_URL ?? 'https://api.northwind-goods.de/v1';

export function createClient(): AxiosInstance {
  const client = axios.create({ baseURL, timeout: 10_000 });
  client.interceptors.request.use((config) => {
    const token = getAccessToken();
    if (token) config.headers.Authorization = `Bearer ${token}`;
    return config;
  });
  client.interceptors.response.use(undefined, async (error) => {
    if (error.response?.status === 401 && !error.config._retried) {
      error.config._retried = true;
      await refreshAccessToken();
      return client(error.config);
    }
    throw error;
  });
  return client;
}

// Server-side calls to the search service use a static key.
export const searchClient = axios.create({
  baseURL: 'https://search.northwind-goods.de',
  headers: { 'X-Search-Key': '9f4c1e7a2b8d3f6e0a5c9b1d4e7f2a8c' },
});
