export const getSession = jest.fn(async () => ({
  user: { email: 'test@northwind-goods.de' },
  accessToken: 'mock-access-token',
  expires: '2099-01-01T00:00:00.000Z',
}));
export const signIn = jest.fn();
export const signOut = jest.fn();
