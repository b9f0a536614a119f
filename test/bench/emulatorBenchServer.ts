/*
 * The emulator process of emulator.bench.ts: starts the emulator (manual clock, so
 * the ECI simulation stays put) and prints its address and tokens as one JSON line.
 * Kept apart from the benchmark so the client libraries do not count against its memory.
 */
import { startEmulator } from '@eci-portal/ack-emulator';

startEmulator({ port: 0, manualClock: true }).then(
  emulator => {
    process.stdout.write(
      `${JSON.stringify({ url: emulator.url, tokens: emulator.tokens })}\n`,
    );
    process.on('SIGTERM', () => emulator.stop().then(() => process.exit(0)));
  },
  error => {
    process.stderr.write(
      `emulator failed to start: ${
        error instanceof Error ? error.stack : error
      }\n`,
    );
    process.exit(1);
  },
);
