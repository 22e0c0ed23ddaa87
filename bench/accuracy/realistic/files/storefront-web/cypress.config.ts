import { defineConfig } from 'cypress';

export default defineConfig({
  e2e: {
    baseUrl: 'http://localhost:3000',
    env: {
      ADMIN_EMAIL: 'cypress+admin@northwind-goods.de',
      ADMIN_PASSWORD: 'Cy-Adm1n-R0cks',
    },
  },
  projectId: 'n8w3kq',
  record: true,
  // recordKey comes from CYPRESS_RECORD_KEY in CI
});
