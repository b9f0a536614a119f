import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorOptions, RunningEmulator } from '../emulator/options';
import { startTestEmulator } from './emulatorClients';

export const kubectlAvailable =
  spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status ===
  0;
if (!kubectlAvailable) {
  // eslint-disable-next-line no-console
  console.warn('kubectl is not on PATH: skipping the kubectl tests');
}
/** `describe` when the real kubectl is installed, `describe.skip` otherwise. */
export const describeWithKubectl = kubectlAvailable ? describe : describe.skip;

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A TLS emulator with a kubeconfig in a temporary folder, and the real kubectl pointed at it. */
export interface KubectlSession {
  emulator: RunningEmulator;
  dir: string;
  args(args: string[]): string[];
  kubectl(...args: string[]): Promise<KubectlResult>;
  /** kubectl as another user of the tokens file (its kubeconfig context). */
  kubectlAs(user: string, ...args: string[]): Promise<KubectlResult>;
  stop(): Promise<void>;
}

export async function startKubectlSession(
  options: EmulatorOptions = {},
): Promise<KubectlSession> {
  const dir = mkdtempSync(join(tmpdir(), 'ack-emulator-kubectl-'));
  const emulator = await startTestEmulator({
    tls: true,
    kubeconfigPath: join(dir, 'kubeconfig'),
    ...options,
  });
  const args = (rest: string[]) => [
    '--kubeconfig',
    join(dir, 'kubeconfig'),
    '--cache-dir',
    join(dir, 'cache'),
    ...rest,
  ];
  const run = (all: string[]) =>
    new Promise<KubectlResult>(resolve => {
      execFile(
        'kubectl',
        args(all),
        { cwd: dir, timeout: 20_000 },
        (error, stdout, stderr) => {
          resolve({
            code: error ? Number((error as { code?: number }).code ?? 1) : 0,
            stdout,
            stderr,
          });
        },
      );
    });
  const clusterName = options.clusterName ?? 'ack-emulator';
  return {
    emulator,
    dir,
    args,
    kubectl: (...rest) => run(rest),
    kubectlAs: (user, ...rest) =>
      run(['--context', `${clusterName}-${user}`, ...rest]),
    async stop() {
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
