import { parseArgs } from 'node:util';
import type { EmulatorOptions } from './emulator/options';

export const USAGE = `Usage: ack-emulator [options]

Runs an emulated ACK cluster (Kubernetes API + ECI ImageCache/virtual-node simulation + Argo).

Options:
  --port <port>          Port to listen on (default 6443; 0 picks a free port)
  --host <host>          Interface to bind (default 127.0.0.1)
  --kubeconfig <file>    Write a kubeconfig for kubectl / @kubernetes/client-node here
  --tls                  Serve HTTPS with a generated CA (written next to the kubeconfig)
  --time-scale <n>       Simulated time speed: 1 = real time (default), 20 = 20x faster
  --state-file <file>    Persist objects to this JSON file and reload them at start
  --registry <file>      Simulated registry YAML (default data/registry.yaml)
  --tokens <file>        Tokens/RBAC YAML or JSON (default data/tokens.yaml)
  --seed <file>          Multi-document YAML of objects to create at start if absent
  --region <region>      Cluster region for password-free ACR pulls (default cn-hangzhou)
  --name <name>          Cluster/context name in the kubeconfig (default ack-emulator)
  --watch-window <n>     Changes retained for watch resumption (default 10000)
  -h, --help             Show this help
`;

export interface CliOptions {
  help: boolean;
  emulator: EmulatorOptions;
}

function number(
  value: string | undefined,
  flag: string,
  check: (n: number) => boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || !check(parsed))
    throw new Error(`invalid value for --${flag}: ${value}`);
  return parsed;
}

/** Parses the command line into {@link EmulatorOptions}. */
export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      kubeconfig: { type: 'string' },
      tls: { type: 'boolean' },
      'time-scale': { type: 'string' },
      'state-file': { type: 'string' },
      registry: { type: 'string' },
      tokens: { type: 'string' },
      seed: { type: 'string' },
      region: { type: 'string' },
      name: { type: 'string' },
      'watch-window': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return {
    help: values.help === true,
    emulator: {
      port:
        number(
          values.port,
          'port',
          n => Number.isInteger(n) && n >= 0 && n <= 65535,
        ) ?? 6443,
      host: values.host ?? '127.0.0.1',
      kubeconfigPath: values.kubeconfig,
      tls: values.tls === true,
      timeScale: number(values['time-scale'], 'time-scale', n => n > 0),
      stateFile: values['state-file'],
      registry: values.registry,
      tokens: values.tokens,
      seed: values.seed,
      region: values.region,
      clusterName: values.name,
      watchWindow: number(
        values['watch-window'],
        'watch-window',
        n => Number.isInteger(n) && n > 0,
      ),
    },
  };
}
