import { strength } from '../src/components/PasswordField';

describe('strength', () => {
  it.each([
    ['abc', 0],
    ['abcdefghijk', 1],
    ['Abcdefghijk', 2],
    ['Abcdefghij!', 3],
  ])('%s → %d', (password, expected) => {
    expect(strength(password)).toBe(expected);
  });
});
