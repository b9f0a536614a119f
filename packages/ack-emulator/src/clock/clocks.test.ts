import { ManualClock } from './ManualClock';
import { ScaledClock } from './ScaledClock';

describe('ManualClock', () => {
  it('fires timers in due order, including timers scheduled while advancing', () => {
    const clock = new ManualClock(1_000);
    const fired: string[] = [];
    clock.setTimer(300, () => fired.push(`b@${clock.now()}`));
    clock.setTimer(100, () => {
      fired.push(`a@${clock.now()}`);
      clock.setTimer(50, () => fired.push(`nested@${clock.now()}`));
    });
    const cancelled = clock.setTimer(200, () => fired.push('cancelled'));
    clock.clearTimer(cancelled);
    expect(clock.pendingTimers()).toBe(2);
    clock.advance(250);
    expect(fired).toEqual(['a@1100', 'nested@1150']);
    expect(clock.now()).toBe(1_250);
    expect(clock.step()).toBe(true);
    expect(fired).toEqual(['a@1100', 'nested@1150', 'b@1300']);
    expect(clock.step()).toBe(false);
  });
});

describe('ScaledClock', () => {
  it('compresses delays but keeps timestamps on the wall clock', async () => {
    const clock = new ScaledClock(1_000);
    const started = Date.now();
    const fired = new Promise<number>(resolve =>
      clock.setTimer(60_000, () => resolve(clock.now())),
    );
    const firedAt = await fired;
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(Math.abs(firedAt - Date.now())).toBeLessThan(50);
    clock.dispose();
  });

  it('jumps ahead with advance and fires due timers immediately', () => {
    const clock = new ScaledClock(1, 0);
    let fired = false;
    clock.setTimer(24 * 60 * 60 * 1000, () => {
      fired = true;
    });
    clock.advance(24 * 60 * 60 * 1000);
    expect(fired).toBe(true);
    expect(clock.now()).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
    expect(() => new ScaledClock(0)).toThrow(
      'time scale must be a positive number',
    );
    clock.dispose();
  });

  it('fires a deadline (setTimerAt) when the clock reads it: the scale never brings a date forward', async () => {
    const clock = new ScaledClock(1_000);
    const deadline = clock.now() + 150;
    const compressed = new Promise<number>(resolve =>
      clock.setTimer(50_000, () => resolve(clock.now())),
    );
    const fired = new Promise<number>(resolve =>
      clock.setTimerAt(deadline, () => resolve(clock.now())),
    );
    const compressedAt = await compressed;
    expect(compressedAt).toBeLessThan(deadline);
    expect(await fired).toBeGreaterThanOrEqual(deadline);
    clock.dispose();
  });
});
