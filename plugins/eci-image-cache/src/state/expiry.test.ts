import { cacheView } from '../__testUtils__/fixtures';
import { expiryText } from './expiry';

describe('expiryText', () => {
  it.each([
    [{ daysLeft: 6, expireDateTime: null }, 'expires in 6 days'],
    [{ daysLeft: 1, expireDateTime: null }, 'expires in 1 day'],
    [{ daysLeft: 0, expireDateTime: null }, 'expires today'],
    [
      { daysLeft: -2, expired: true, expireDateTime: null },
      'expired 2 days ago',
    ],
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

  it('rounds from the exact expiry: a 7-day cache made seconds ago expires in 7 days', () => {
    const now = new Date('2026-12-05T09:00:00Z');
    const cache = cacheView({
      daysLeft: 6,
      expireDateTime: '2026-12-12T08:59:30Z',
    });
    expect(expiryText(cache, now)).toBe('expires in 7 days');
    expect(
      expiryText({ ...cache, expireDateTime: '2026-12-05T20:00:00Z' }, now),
    ).toBe('expires today');
  });
});
