interface CachedToken {
  value: string;
  expiresAt: number;
}

export class TokenRefresher {
  private cached?: CachedToken;

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly tokenUrl = 'https://auth.northwind-goods.de/oauth/token',
  ) {}

  async token(): Promise<string> {
    if (this.cached && this.cached.expiresAt - 30_000 > Date.now()) return this.cached.value;
    const res = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: 'Basic ' + Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64'),
      },
      body: 'grant_type=client_credentials',
    });
    const json = (await res.json()) as { access_token: string; expires_in: number };
    this.cached = { value: json.access_token, expiresAt: Date.now() + json.expires_in * 1000 };
    return this.cached.value;
  }
}

export const inventoryTokens = new TokenRefresher('inventory-sync', 'Inv-Sync-Cl13nt-S3cret');
