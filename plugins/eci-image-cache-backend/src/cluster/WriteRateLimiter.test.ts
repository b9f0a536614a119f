import { WriteRateLimiter } from './WriteRateLimiter';

describe('WriteRateLimiter', () => {
  it('allows the configured writes per minute and refills continuously', () => {
    let now = 0;
    const limiter = new WriteRateLimiter(120, () => now);
    for (let i = 0; i < 120; i++) expect(limiter.tryAcquire()).toBe(true);
    expect(limiter.tryAcquire()).toBe(false);
    now += 499;
    expect(limiter.tryAcquire()).toBe(false);
    now += 1;
    expect(limiter.tryAcquire()).toBe(true);
    now += 60_000;
    expect(limiter.available()).toBe(120);
  });

  it('lets a waiting write through when a token is refilled, or fails with 503', async () => {
    const limiter = new WriteRateLimiter(600);
    while (limiter.tryAcquire());
    const started = Date.now();
    await limiter.acquire(1_000, 'creating');
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    while (limiter.tryAcquire());
    await expect(limiter.acquire(10, 'Cluster "hz": creating')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(/write limit of 600 ImageCache writes per minute/),
    });
  });
});
