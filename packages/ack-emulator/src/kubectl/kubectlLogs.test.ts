import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SEED_FILE } from '../emulator/packagePaths';
import {
  describeWithKubectl,
  startKubectlSession,
  type KubectlSession,
} from '../__testUtils__/kubectl';

const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: talk
spec:
  restartPolicy: Never
  containers:
  - name: greeter
    image: busybox
    command: [sh, -c, "echo one; echo two && echo three"]
  - name: whale
    image: docker/whalesay
    command: [cowsay]
    args: [hello world]
`;

describeWithKubectl('kubectl logs', () => {
  let session: KubectlSession;
  beforeAll(async () => {
    session = await startKubectlSession({ seed: DEMO_SEED_FILE });
    writeFileSync(join(session.dir, 'talk.yaml'), TWO_CONTAINERS);
    const created = await session.kubectl('create', '-f', 'talk.yaml');
    if (created.code !== 0) throw new Error(created.stderr);
  });
  afterAll(() => session.stop());

  it('answers 400 while the containers are waiting to start', async () => {
    const result = await session.kubectl('logs', 'talk', '-c', 'greeter');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'container "greeter" in pod "talk" is waiting to start: ContainerCreating',
    );
  });

  it('prints the simulated output of a container, with --tail and --timestamps', async () => {
    session.emulator.advance(60_000);
    const all = await session.kubectl('logs', 'talk', '-c', 'greeter');
    expect(all).toMatchObject({ code: 0, stdout: 'one\ntwo\nthree\n' });
    const tail = await session.kubectl(
      'logs',
      'pod/talk',
      '--container=greeter',
      '--tail=2',
    );
    expect(tail.stdout).toBe('two\nthree\n');
    const stamped = await session.kubectl(
      'logs',
      'talk',
      '-c',
      'greeter',
      '--tail=1',
      '--timestamps',
    );
    expect(stamped.stdout).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z three\n$/,
    );
    const whale = await session.kubectl('logs', 'talk', '-c', 'whale');
    expect(whale.stdout).toContain('< hello world >');
  });

  it('answers 400 for a container the pod does not have, and picks a container like kubectl does', async () => {
    const missing = await session.kubectl('logs', 'talk', '-c', 'nope');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain(
      'container nope is not valid for pod talk',
    );
    // Without -c kubectl defaults to the first container and says so.
    const defaulted = await session.kubectl('logs', 'talk');
    expect(defaulted.code).toBe(0);
    expect(defaulted.stdout).toBe('one\ntwo\nthree\n');
    expect(defaulted.stderr).toContain('Defaulted container "greeter"');
    // The API itself asks for a container when there are several.
    const raw = await session.kubectl(
      'get',
      '--raw',
      '/api/v1/namespaces/default/pods/talk/log',
    );
    expect(raw.stderr).toContain(
      'a container name must be specified for pod talk, choose one of: [greeter whale]',
    );
    const unknownPod = await session.kubectl('logs', 'nobody');
    expect(unknownPod.stderr).toContain('pods "nobody" not found');
  });

  it('needs the pods/log permission', async () => {
    const denied = await session.kubectlAs(
      'backstage',
      'logs',
      'talk',
      '-c',
      'greeter',
    );
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain(
      'cannot get resource "pods/log" in API group "" in the namespace "default"',
    );
  });
});
