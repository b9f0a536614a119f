import { spawn } from 'node:child_process';
import {
  existsSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

const repoRoot = realpathSync(path.resolve(__dirname, '../..'));

/**
 * One emulated cluster of `npm start`, described by its npm script, so the e2e stops and
 * restarts exactly what `npm start` runs (same port, state file, CA and pid file).
 */
export interface DemoCluster {
  script: string;
  port: number;
  /** The `--pid-file` argument as written in the script (relative to the repository). */
  pidFileArg: string;
  pidFile: string;
  /** Written by {@link restartDemoCluster}: the emulator the e2e started, for the global teardown. */
  restartedMarker: string;
}

export const DEMO_CLUSTER_SCRIPTS = ['cluster:demo', 'cluster:demo-shanghai'];

export function demoCluster(script: string): DemoCluster {
  const { scripts } = JSON.parse(
    readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
  );
  const command: string | undefined = scripts[script];
  const flag = (name: string) => {
    const value = command && new RegExp(`--${name} (\\S+)`).exec(command)?.[1];
    if (!value) {
      throw new Error(`npm script ${script} has no --${name}: ${command}`);
    }
    return value;
  };
  const pidFileArg = flag('pid-file');
  const pidFile = path.resolve(repoRoot, pidFileArg);
  return {
    script,
    port: Number(flag('port')),
    pidFileArg,
    pidFile,
    restartedMarker: `${pidFile}.e2e`,
  };
}

/**
 * The process id of this repository's emulator for the cluster. Other worktrees run the same
 * command line (and share the pid space), so the id comes from the pid file and is trusted only
 * while that process still runs in this repository with this pid file on its command line.
 */
export function runningEmulatorPid(cluster: DemoCluster): number | undefined {
  if (!existsSync(cluster.pidFile)) return undefined;
  const pid = Number(readFileSync(cluster.pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const cwd = readlinkSync(`/proc/${pid}/cwd`);
    return cwd === repoRoot && args.includes(cluster.pidFileArg)
      ? pid
      : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether something accepts TCP connections on the loopback port. */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/**
 * Stops the cluster's emulator with SIGTERM: it exits with code 0, which `concurrently
 * --kill-others-on-fail` lets pass, so the portal and the other cluster keep running.
 * Resolves once the process is gone and its port refuses connections.
 */
export async function stopDemoCluster(cluster: DemoCluster): Promise<void> {
  const pid = runningEmulatorPid(cluster);
  if (pid === undefined) {
    throw new Error(
      `no running emulator of this repository in ${cluster.pidFile}`,
    );
  }
  process.kill(pid, 'SIGTERM');
  await waitUntil(() => !isAlive(pid), `emulator ${pid} to exit`, 20_000);
  await waitUntil(
    async () => !(await acceptsConnections(cluster.port)),
    `port ${cluster.port} to close`,
    5_000,
  );
}

/**
 * Starts the cluster again with its npm script, in its own process group so it outlives the
 * test; the global teardown stops it. Resolves once it serves (it writes its pid file then).
 */
export async function restartDemoCluster(
  cluster: DemoCluster,
  logFile: string,
): Promise<number> {
  const log = openSync(logFile, 'a');
  const child = spawn('npm', ['run', cluster.script], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.unref();
  let exitCode: number | null = null;
  child.once('exit', code => {
    exitCode = code;
  });
  await waitUntil(
    () => {
      if (exitCode !== null) {
        throw new Error(
          `npm run ${cluster.script} exited with ${exitCode}: see ${logFile}`,
        );
      }
      return runningEmulatorPid(cluster) !== undefined;
    },
    `npm run ${cluster.script} to serve`,
    60_000,
  );
  const pid = runningEmulatorPid(cluster)!;
  writeFileSync(cluster.restartedMarker, `${pid}\n`);
  return pid;
}

/** Stops the emulators the e2e restarted: `npm start` no longer owns them. */
export async function stopRestartedDemoClusters(): Promise<void> {
  for (const cluster of DEMO_CLUSTER_SCRIPTS.map(demoCluster)) {
    if (!existsSync(cluster.restartedMarker)) continue;
    const restarted = Number(
      readFileSync(cluster.restartedMarker, 'utf8').trim(),
    );
    if (runningEmulatorPid(cluster) === restarted) {
      await stopDemoCluster(cluster);
    }
    rmSync(cluster.restartedMarker, { force: true });
  }
}
