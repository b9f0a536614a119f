import { parse } from 'yaml';
import {
  describeWithKubectl,
  startKubectlSession,
  type KubectlSession,
} from '../__testUtils__/kubectl';
import {
  rawRequest,
  startTestEmulator,
} from '../__testUtils__/emulatorClients';
import { decodeKubernetesProtobuf } from '../api/protobuf/decodeProtobuf';

describeWithKubectl('kubectl typed commands (protobuf bodies)', () => {
  let session: KubectlSession;
  beforeAll(async () => {
    session = await startKubectlSession();
  });
  afterAll(() => session.stop());

  const getYaml = async (...args: string[]) => {
    const result = await session.kubectl('get', ...args, '-o', 'yaml');
    expect(result.code).toBe(0);
    return parse(result.stdout);
  };

  it("kubectl create secret generic: the source document's default:secret1", async () => {
    const created = await session.kubectl(
      'create',
      'secret',
      'generic',
      'secret1',
      '--from-literal=username=admin',
      '--from-literal=password=s3cr3t',
    );
    expect(created).toMatchObject({
      code: 0,
      stdout: 'secret/secret1 created\n',
    });
    const secret = await getYaml(
      'secret',
      'secret1',
      '-n',
      'default',
      '--show-managed-fields',
    );
    expect(secret).toMatchObject({
      type: 'Opaque',
      data: {
        username: Buffer.from('admin').toString('base64'),
        password: Buffer.from('s3cr3t').toString('base64'),
      },
      metadata: { name: 'secret1', namespace: 'default' },
    });
    expect(secret.metadata.managedFields[0]).toMatchObject({
      manager: 'kubectl-create',
      operation: 'Update',
    });
  });

  it('kubectl create secret docker-registry', async () => {
    const created = await session.kubectl(
      'create',
      'secret',
      'docker-registry',
      'acr-pull',
      '--docker-server=acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com',
      '--docker-username=dev@example.com',
      '--docker-password=p4ss',
    );
    expect(created).toMatchObject({
      code: 0,
      stdout: 'secret/acr-pull created\n',
    });
    const secret = await getYaml('secret', 'acr-pull');
    expect(secret.type).toBe('kubernetes.io/dockerconfigjson');
    const config = JSON.parse(
      Buffer.from(secret.data['.dockerconfigjson'], 'base64').toString(),
    );
    expect(
      config.auths['acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com'],
    ).toMatchObject({ username: 'dev@example.com', password: 'p4ss' });
  });

  it('kubectl create namespace, configmap and serviceaccount', async () => {
    expect(
      await session.kubectl('create', 'namespace', 'team-a'),
    ).toMatchObject({ code: 0, stdout: 'namespace/team-a created\n' });
    const namespace = await getYaml('namespace', 'team-a');
    expect(namespace.metadata.labels).toEqual({
      'kubernetes.io/metadata.name': 'team-a',
    });
    expect(namespace.status).toEqual({ phase: 'Active' });
    expect(
      await session.kubectl(
        'create',
        'configmap',
        'settings',
        '-n',
        'team-a',
        '--from-literal=mode=fast',
      ),
    ).toMatchObject({ code: 0, stdout: 'configmap/settings created\n' });
    expect(
      (await getYaml('configmap', 'settings', '-n', 'team-a')).data,
    ).toEqual({ mode: 'fast' });
    expect(
      await session.kubectl(
        'create',
        'serviceaccount',
        'runner',
        '-n',
        'team-a',
      ),
    ).toMatchObject({ code: 0, stdout: 'serviceaccount/runner created\n' });
    const dryRun = await session.kubectl(
      'create',
      'namespace',
      'team-b',
      '--dry-run=server',
      '-o',
      'jsonpath={.metadata.name}:{.metadata.resourceVersion}',
    );
    expect(dryRun).toMatchObject({ code: 0, stdout: 'team-b:' });
  });
});

describe('the protobuf decoder', () => {
  it('answers 400 for a body without the k8s prefix and for kinds it does not know', async () => {
    expect(() => decodeKubernetesProtobuf(Buffer.from('{"a":1}'))).toThrow(
      'missing the "k8s\\x00" prefix',
    );
    const emulator = await startTestEmulator({ controllers: false });
    try {
      // runtime.Unknown{typeMeta: {apiVersion: "v1", kind: "Pod"}}
      const pod = Buffer.concat([
        Buffer.from('k8s\0', 'binary'),
        Buffer.from([0x0a, 0x09, 0x0a, 0x02, 0x76, 0x31, 0x12, 0x03]),
        Buffer.from('Pod'),
      ]);
      const response = await fetch(
        `${emulator.url}/api/v1/namespaces/default/pods`,
        {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${emulator.tokens.admin}`,
            'Content-Type': 'application/vnd.kubernetes.protobuf',
          },
          body: pod,
        },
      );
      expect(response.status).toBe(400);
      expect((await response.json()).message).toContain('no kind "Pod"');
      const listed = await rawRequest(
        emulator,
        'GET',
        '/api/v1/namespaces/default/pods',
      );
      expect(listed.json.items).toEqual([]);
    } finally {
      await emulator.stop();
    }
  });
});
