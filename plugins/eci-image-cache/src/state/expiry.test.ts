import { cacheView } from '../__testUtils__/fixtures';
import { expiryText } from './expiry';

describe('expiryText', () => {
  it.each([
    [{ daysLeft: 6 }, 'expires in 6 days'],
    [{ daysLeft: 1 }, 'expires in 1 day'],
    [{ daysLeft: 0 }, 'expires today'],
    [{ daysLeft: -2, expired: true }, 'expired 2 days ago'],
    [
      { daysLeft: null, expireDateTime: null, retentionDays: null },
      'never expires',
    ],
    [
      { daysLeft: null, expireDateTime: null, retentionDays: 7 },
      'expires 7 days after Ready',
    ],
  ])('%j → %s', (overrides, text) => {
    expect(expiryText(cacheView(overrides))).toBe(text);
  });
});
