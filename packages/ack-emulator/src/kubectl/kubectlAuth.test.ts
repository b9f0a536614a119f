import {
  describeWithKubectl,
  startKubectlSession,
  type KubectlSession,
} from '../__testUtils__/kubectl';

describeWithKubectl('kubectl auth against the token rules', () => {
  let session: KubectlSession;
  beforeAll(async () => {
    session = await startKubectlSession();
  });
  afterAll(() => session.stop());

  it('kubectl auth whoami names the token user', async () => {
    const admin = await session.kubectl('auth', 'whoami', '-o', 'json');
    expect(admin.code).toBe(0);
    expect(JSON.parse(admin.stdout).status.userInfo).toEqual({
      username: 'admin',
      groups: ['system:authenticated'],
    });
    const backstage = await session.kubectlAs('backstage', 'auth', 'whoami');
    expect(backstage.code).toBe(0);
    expect(backstage.stdout).toMatch(/Username\s+backstage/);
  });

  it('kubectl auth can-i answers from the rules of the token', async () => {
    const can = (user: string, ...args: string[]) =>
      user === 'admin'
        ? session.kubectl('auth', 'can-i', ...args)
        : session.kubectlAs(user, 'auth', 'can-i', ...args);
    expect(await can('backstage', 'list', 'imagecaches')).toMatchObject({
      code: 0,
      stdout: 'yes\n',
    });
    expect(
      await can('backstage', 'get', 'secrets', '-n', 'default'),
    ).toMatchObject({
      code: 0,
      stdout: 'yes\n',
    });
    const denied = await can('backstage', 'delete', 'secrets', '-n', 'default');
    expect(denied.code).toBe(1);
    expect(denied.stdout).toBe('no\n');
    expect((await can('backstage', 'get', '/_emulator/stats')).stdout).toBe(
      'no\n',
    );
    expect((await can('admin', 'get', '/_emulator/stats')).stdout).toBe(
      'yes\n',
    );
  });
});
