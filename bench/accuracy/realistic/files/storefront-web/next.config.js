/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  images: { domains: ['cdn.northwind-goods.de'] },
  env: {
    BUILD_ID: process.env.GITHUB_SHA || 'local',
  },
  async headers() {
    return [
      {
        source: '/(.*)',
        headers: [
          { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
          { key: 'Content-Security-Policy', value: "default-src 'self'; script-src 'self' 'nonce-2726c7f26c'" },
        ],
      },
    ];
  },
};
