import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseCliArgs } from './cliArgs';
import { PACKAGE_ROOT } from './emulator/packagePaths';
import { waitFor } from './__testUtils__/emulatorClients';

describe('command line', () => {
  it('parses flags into emulator options with the documented defaults', () => {
    expect(parseCliArgs([]).emulator).toMatchObject({
      port: 6443,
      host: '127.0.0.1',
      tls: false,
    });
    const parsed = parseCliArgs([
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--kubeconfig',
      'k.yaml',
      '--tls',
      '--time-scale',
      '20',
      '--state-file',
      's.json',
      '--registry',
      'r.yaml',
      '--tokens',
      't.yaml',
      '--seed',
      'seed.yaml',
      '--region',
      'cn-beijing',
      '--name',
      'demo',
      '--watch-window',
      '500',
    ]);
    expect(parsed.emulator).toEqual({
      port: 0,
      host: '0.0.0.0',
      kubeconfigPath: 'k.yaml',
      tls: true,
      timeScale: 20,
      stateFile: 's.json',
      registry: 'r.yaml',
      tokens: 't.yaml',
      seed: 'seed.yaml',
      region: 'cn-beijing',
      clusterName: 'demo',
      watchWindow: 500,
    });
    expect(parseCliArgs(['-h']).help).toBe(true);
    expect(parseCliArgs(['--pid-file', 'run/emulator.pid']).pidFile).toBe(
      'run/emulator.pid',
    );
    expect(() => parseCliArgs(['--time-scale', '0'])).toThrow(
      'invalid value for --time-scale: 0',
    );
    expect(() => parseCliArgs(['--port', 'x'])).toThrow(
      'invalid value for --port: x',
    );
    expect(() => parseCliArgs(['--bogus'])).toThrow();
  });

  it('parses the client-certificate kubeconfig flags, which need --tls', () => {
    expect(
      parseCliArgs([
        '--tls',
        '--cert-kubeconfig',
        'cert.yaml',
        '--cert-user',
        'ops',
        '--cert-groups',
        'system:masters, developers',
      ]).emulator.clientCertificateKubeconfig,
    ).toEqual({
      path: 'cert.yaml',
      user: 'ops',
      groups: ['system:masters', 'developers'],
    });
    expect(() => parseCliArgs(['--cert-kubeconfig', 'cert.yaml'])).toThrow(
      '--cert-kubeconfig needs --tls',
    );
    expect(() => parseCliArgs(['--tls', '--cert-user', 'ops'])).toThrow(
      '--cert-user and --cert-groups need --cert-kubeconfig',
    );
  });

  it('runs bin/ack-emulator in the foreground, writes a kubeconfig and its pid file and stops on SIGTERM with exit code 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ack-emulator-cli-'));
    const kubeconfig = join(dir, 'kubeconfig');
    const pidFile = join(dir, 'run', 'emulator.pid');
    const child = spawn(
      process.execPath,
      [
        resolve(PACKAGE_ROOT, 'bin', 'ack-emulator'),
        '--port',
        '0',
        '--kubeconfig',
        kubeconfig,
        '--name',
        'demo',
        '--pid-file',
        pidFile,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
    });
    child.stderr.on('data', chunk => {
      output += chunk;
    });
    const exited = new Promise<number | null>(done =>
      child.on('exit', code => done(code)),
    );
    try {
      const url = await waitFor(
        () =>
          /ACK emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(
            output,
          )?.[1],
        20_000,
        'the ready line',
      );
      const config = parse(readFileSync(kubeconfig, 'utf8'));
      expect(config['current-context']).toBe('demo');
      expect(config.clusters[0]).toEqual({
        name: 'demo',
        cluster: { server: url, 'insecure-skip-tls-verify': true },
      });
      const token = config.users.find(
        (u: { name: string }) => u.name === 'demo-admin',
      ).user.token;
      const response = await fetch(
        `${url}/apis/eci.alibabacloud.com/v1/imagecaches`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      expect(response.status).toBe(200);
      expect(readFileSync(pidFile, 'utf8')).toBe(`${child.pid}\n`);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM received, stopping');
    expect(existsSync(pidFile)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
