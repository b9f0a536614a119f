import {
  describeWithKubectl,
  startKubectlSession,
  type KubectlSession,
} from '../__testUtils__/kubectl';

describeWithKubectl('kubectl explain (OpenAPI v3)', () => {
  let session: KubectlSession;
  beforeAll(async () => {
    session = await startKubectlSession();
  });
  afterAll(() => session.stop());

  it('explains pods.spec with its fields, types and required marks', async () => {
    const result = await session.kubectl('explain', 'pods.spec');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('KIND:       Pod');
    expect(result.stdout).toContain('VERSION:    v1');
    expect(result.stdout).toContain('FIELD: spec <PodSpec>');
    expect(result.stdout).toMatch(/containers\s+<\[\]Container> -required-/);
    expect(result.stdout).toMatch(/restartPolicy\s+<string>/);
    expect(result.stdout).toContain('enum: Always, Never, OnFailure');
    expect(result.stdout).toMatch(/nodeSelector\s+<map\[string\]string>/);
  });

  it('follows references down to a leaf field', async () => {
    const result = await session.kubectl(
      'explain',
      'pod.spec.containers.imagePullPolicy',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('FIELD: imagePullPolicy <string>');
    expect(result.stdout).toContain('Image pull policy.');
    const status = await session.kubectl(
      'explain',
      'po.status.containerStatuses.state.waiting.reason',
    );
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('FIELD: reason <string>');
  });

  it('explains the other core kinds and custom resources, and refuses unknown fields', async () => {
    const namespaces = await session.kubectl('explain', 'namespaces');
    expect(namespaces.code).toBe(0);
    expect(namespaces.stdout).toContain('KIND:       Namespace');
    expect(namespaces.stdout).toMatch(/status\s+<NamespaceStatus>/);
    for (const [kind, field] of [
      ['secrets', /stringData\s+<map\[string\]string>/],
      ['configmaps', /data\s+<map\[string\]string>/],
      ['serviceaccounts', /imagePullSecrets\s+<\[\]LocalObjectReference>/],
      ['events', /involvedObject\s+<ObjectReference> -required-/],
      ['imagecaches', /spec\s+<Object> -required-/],
    ] as const) {
      const result = await session.kubectl('explain', kind);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(field);
    }
    const unknown = await session.kubectl('explain', 'pods.spec.nonsense');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('field "nonsense" does not exist');
  });
});
