export const config = {
  apiUrl: process.env.NEXT_PUBLIC_API_URL ?? 'http://localhost:8000',
  mapsKey: process.env.NEXT_PUBLIC_MAPS_KEY ?? '{{gen:google-api-key:maps}}',
  algolia: {
    appId: 'K7QX2ZP4LM',
    searchKey: 'c3a1f9e87b2d4c6a0e5f1b3d7a9c2e4f',
    indexName: 'products_prod',
  },
  sentry: { dsn: process.env.NEXT_PUBLIC_SENTRY_DSN },
  featureFlags: { newCheckout: true, passwordless: false },
} as const;
