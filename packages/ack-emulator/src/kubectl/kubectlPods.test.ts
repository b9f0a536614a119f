import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SEED_FILE } from '../emulator/packagePaths';
import {
  describeWithKubectl,
  startKubectlSession,
  type KubectlSession,
} from '../__testUtils__/kubectl';

const POD = (name: string, image: string, pullPolicy: string) =>
  `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  annotations:
    k8s.aliyun.com/eci-auto-imc: "true"
spec:
  restartPolicy: Never
  containers:
  - name: main
    image: ${image}
    imagePullPolicy: ${pullPolicy}
`;

describeWithKubectl('kubectl and pods on the virtual node', () => {
  let session: KubectlSession;
  beforeAll(async () => {
    session = await startKubectlSession({ seed: DEMO_SEED_FILE });
  });
  afterAll(() => session.stop());

  const podEvents = async (...selector: string[]) => {
    const result = await session.kubectl(
      'get',
      'events',
      '--field-selector',
      selector.join(','),
      '-o',
      'jsonpath={range .items[*]}{.reason}|{.source.component}{"\\n"}{end}',
    );
    expect(result.code).toBe(0);
    return result.stdout.trim().split('\n').filter(Boolean);
  };

  it('a cache hit with IfNotPresent is not pulled; ECI events come from EciService', async () => {
    writeFileSync(
      join(session.dir, 'hit.yaml'),
      POD('hit', 'nginx:1.25.3', 'IfNotPresent'),
    );
    expect((await session.kubectl('create', '-f', 'hit.yaml')).code).toBe(0);
    session.emulator.advance(10_000);
    expect(await podEvents('involvedObject.name=hit')).toEqual([
      'Scheduled|default-scheduler',
      'SuccessfulHitImageCache|EciService',
      'Pulled|kubelet',
      'Created|kubelet',
      'Started|kubelet',
    ]);
    expect(
      await podEvents('involvedObject.name=hit', 'source=EciService'),
    ).toEqual(['SuccessfulHitImageCache|EciService']);
    const message = await session.kubectl(
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=hit,reason=Pulled',
      '-o',
      'jsonpath={.items[0].message}',
    );
    expect(message.stdout).toBe(
      'Container image "nginx:1.25.3" already present on machine',
    );
  });

  it('a cache hit with imagePullPolicy Always still pulls (fast)', async () => {
    writeFileSync(
      join(session.dir, 'always.yaml'),
      POD('always', 'nginx:1.25.3', 'Always'),
    );
    expect((await session.kubectl('create', '-f', 'always.yaml')).code).toBe(0);
    session.emulator.advance(10_000);
    const reasons = (await podEvents('involvedObject.name=always')).map(
      e => e.split('|')[0],
    );
    expect(reasons).toEqual([
      'Scheduled',
      'SuccessfulHitImageCache',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
    ]);
  });

  it('kubectl get pod shows ImagePullBackOff for an image the registry refuses', async () => {
    writeFileSync(
      join(session.dir, 'denied.yaml'),
      POD(
        'denied',
        'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2',
        'IfNotPresent',
      ).replace('    k8s.aliyun.com/eci-auto-imc: "true"\n', '    team: ml\n'),
    );
    expect((await session.kubectl('create', '-f', 'denied.yaml')).code).toBe(0);
    session.emulator.advance(1_000);
    session.emulator.advance(1_000);
    session.emulator.advance(1_000);
    const table = await session.kubectl('get', 'pod', 'denied', '--no-headers');
    expect(table.stdout).toMatch(/^denied\s+0\/1\s+ImagePullBackOff\s+0\s/);
  });
});
