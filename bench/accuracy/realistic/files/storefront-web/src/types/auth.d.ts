export interface LoginRequest {
  email: string;
  password: string;
  otp?: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type ApiKeyScope = 'read' | 'write' | 'admin';

export interface ApiKey {
  id: string;
  prefix: string;
  secret?: never;
  scopes: ApiKeyScope[];
  createdAt: string;
}

declare module 'next-auth' {
  interface Session {
    accessToken?: string;
    error?: 'RefreshAccessTokenError';
  }
}
