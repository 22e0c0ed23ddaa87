import nock from 'nock';
import { createClient } from '../src/api/client';
import { setTokens } from '../src/auth/tokens';

const JWT = '{{gen:jwt:fixture}}';

describe('api client', () => {
  beforeEach(() => {
    window.localStorage.clear();
  });

  it('sends the access token', async () => {
    setTokens(JWT, 'r-1');
    const scope = nock('https://api.northwind-goods.de').matchHeader('authorization', `Bearer ${JWT}`).get('/v1/me').reply(200, {});
    await createClient().get('/me');
    expect(scope.isDone()).toBe(true);
  });

  it('refreshes once on 401', async () => {
    setTokens('expired', 'refresh-abc');
    nock('https://api.northwind-goods.de').get('/v1/me').reply(401).get('/v1/me').reply(200, { id: 1 });
    nock('http://localhost').post('/api/auth/refresh').reply(200, { accessToken: 'new', refreshToken: 'r-2' });
    const res = await createClient().get('/me');
    expect(res.data).toEqual({ id: 1 });
  });
});
