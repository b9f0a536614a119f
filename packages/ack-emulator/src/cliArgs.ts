import { parseArgs } from 'node:util';
import type { EmulatorOptions } from './emulator/options';

export const USAGE = `Usage: ack-emulator [options]

Runs an emulated ACK cluster (Kubernetes API + ECI ImageCache/virtual-node simulation + Argo).

Options:
  --port <port>          Port to listen on (default 6443; 0 picks a free port)
  --host <host>          Interface to bind (default 127.0.0.1)
  --kubeconfig <file>    Write a kubeconfig for kubectl / @kubernetes/client-node here
  --tls                  Serve HTTPS with a generated CA (written next to the kubeconfig)
  --cert-kubeconfig <file>
                         With --tls: also write a kubeconfig that authenticates with a
                         client certificate signed by the emulator's CA
  --cert-user <user>     That certificate's user, its CN (default backstage)
  --cert-groups <g,...>  That certificate's groups, its O attributes (e.g. system:masters)
  --time-scale <n>       Simulated time speed: 1 = real time (default), 20 = 20x faster
  --state-file <file>    Persist objects to this JSON file and reload them at start
  --registry <file>      Simulated registry YAML (default data/registry.yaml)
  --tokens <file>        Tokens/RBAC YAML or JSON (default data/tokens.yaml)
  --seed <file>          Multi-document YAML of objects to create at start if absent
  --region <region>      Cluster region for password-free ACR pulls (default cn-hangzhou)
  --name <name>          Cluster/context name in the kubeconfig (default ack-emulator)
  --watch-window <n>     Changes retained for watch resumption (default 10000)
  --pid-file <file>      Write the process id here while serving (removed on stop)
  -h, --help             Show this help
`;

export interface CliOptions {
  help: boolean;
  /** Where the running process records its id. */
  pidFile?: string;
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
      'cert-kubeconfig': { type: 'string' },
      'cert-user': { type: 'string' },
      'cert-groups': { type: 'string' },
      'time-scale': { type: 'string' },
      'state-file': { type: 'string' },
      registry: { type: 'string' },
      tokens: { type: 'string' },
      seed: { type: 'string' },
      region: { type: 'string' },
      name: { type: 'string' },
      'watch-window': { type: 'string' },
      'pid-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const certKubeconfig = values['cert-kubeconfig'];
  if (certKubeconfig !== undefined && values.tls !== true)
    throw new Error('--cert-kubeconfig needs --tls');
  if (
    certKubeconfig === undefined &&
    (values['cert-user'] !== undefined || values['cert-groups'] !== undefined)
  )
    throw new Error('--cert-user and --cert-groups need --cert-kubeconfig');
  return {
    help: values.help === true,
    pidFile: values['pid-file'],
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
      clientCertificateKubeconfig:
        certKubeconfig === undefined
          ? undefined
          : {
              path: certKubeconfig,
              user: values['cert-user'],
              groups: values['cert-groups']
                ?.split(',')
                .map(group => group.trim())
                .filter(Boolean),
            },
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
