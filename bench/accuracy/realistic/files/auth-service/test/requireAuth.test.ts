import request from 'supertest';
import { app } from '../src/app';
import { EXPIRED_ACCESS_TOKEN } from './fixtures/tokens';

describe('requireAuth', () => {
  it('rejects requests without a token', async () => {
    await request(app).get('/api/me').expect(401);
  });

  it('rejects expired tokens', async () => {
    await request(app).get('/api/me').set('Authorization', `Bearer ${EXPIRED_ACCESS_TOKEN}`).expect(401);
  });

  it('protects metrics with basic auth', async () => {
    await request(app).get('/metrics').auth('prometheus', 'Metr1cs-Test-Pw').expect(200);
    await request(app).get('/metrics').set('Authorization', 'Basic cHJvbWV0aGV1czpNZXRyMWNzLVRlc3QtUHc=').expect(200);
  });
});
