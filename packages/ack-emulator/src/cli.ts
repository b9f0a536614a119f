import { resolve } from 'node:path';
import { parseCliArgs, USAGE } from './cliArgs';
import { startEmulator } from './emulator/startEmulator';
import { removePidFile, writePidFile } from './process/pidFile';

/** Runs the emulator in the foreground until SIGINT/SIGTERM. */
export async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    return;
  }
  const options = parsed.emulator;
  for (const key of [
    'kubeconfigPath',
    'stateFile',
    'registry',
    'tokens',
    'seed',
  ] as const) {
    const value = options[key];
    if (typeof value === 'string') options[key] = resolve(value);
  }
  if (options.clientCertificateKubeconfig)
    options.clientCertificateKubeconfig.path = resolve(
      options.clientCertificateKubeconfig.path,
    );
  const emulator = await startEmulator(options);
  const pidFile = parsed.pidFile && resolve(parsed.pidFile);
  if (pidFile) writePidFile(pidFile);
  process.stdout.write(`ACK emulator listening on ${emulator.url}\n`);
  if (emulator.kubeconfigPath) {
    process.stdout.write(
      `kubeconfig: ${emulator.kubeconfigPath} (try: kubectl --kubeconfig ${emulator.kubeconfigPath} get imagecaches)\n`,
    );
  }
  if (emulator.clientCertificateKubeconfigPath) {
    process.stdout.write(
      `client-certificate kubeconfig: ${emulator.clientCertificateKubeconfigPath}\n`,
    );
  }
  process.stdout.write(
    `time scale: ${options.timeScale ?? 1}x, region: ${
      options.region ?? 'cn-hangzhou'
    }\n`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received, stopping\n`);
    emulator.stop().then(
      () => {
        if (pidFile) removePidFile(pidFile);
        process.exit(0);
      },
      error => {
        if (pidFile) removePidFile(pidFile);
        process.stderr.write(
          `failed to stop cleanly: ${(error as Error).message}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
