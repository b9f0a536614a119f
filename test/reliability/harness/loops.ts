export const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/** A background loop that runs `step` until stopped, at most `maxRuns` times. */
export function repeat(
  step: () => Promise<void>,
  options: { pauseMs: number; maxRuns: number },
) {
  let stopped = false;
  let runs = 0;
  const errors: string[] = [];
  const done = (async () => {
    while (!stopped && runs < options.maxRuns) {
      runs += 1;
      try {
        await step();
      } catch (error) {
        errors.push(String(error));
      }
      if (!stopped) await sleep(options.pauseMs);
    }
  })();
  return {
    get runs() {
      return runs;
    },
    errors,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

/** Polls `check` until it returns true; returns the time it took, or throws after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs: number,
  pollMs = 250,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(pollMs);
  }
}
