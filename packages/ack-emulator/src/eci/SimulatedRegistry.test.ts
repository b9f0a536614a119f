import { DEFAULT_REGISTRY_FILE } from '../emulator/packagePaths';
import { SimulatedRegistry } from './SimulatedRegistry';

describe('default simulated registry', () => {
  const registry = SimulatedRegistry.fromFile(DEFAULT_REGISTRY_FILE);
  const MiB = 1024 ** 2;

  it('knows the images the portal and the docs use, with sizes', () => {
    expect(registry.lookup('docker/whalesay')?.sizeBytes).toBe(247 * MiB);
    expect(registry.lookup('docker.io/library/nginx:1.25.3')).toBeDefined();
    expect(registry.lookup('python:3.12-slim')).toBeDefined();
    expect(
      registry.lookup('pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime')
        ?.sizeBytes,
    ).toBe(Math.round(7.6 * 1024 * MiB));
    expect(registry.lookup('nginx:9.9.9')).toBeUndefined();
  });

  it('hosts private images on ACR EE instances under both public and VPC domains', () => {
    const trainer = registry.lookup(
      'acr-en-hangzhou-registry-vpc.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2',
    )!;
    expect(trainer.sizeBytes).toBe(Math.round(3.2 * 1024 * MiB));
    expect(trainer.instance).toEqual({
      id: 'cri-f34lmbk2rxqx41u8',
      name: 'acr-en-hangzhou',
      region: 'cn-hangzhou',
      domains: [
        'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com',
        'acr-en-hangzhou-registry-vpc.cn-hangzhou.cr.aliyuncs.com',
      ],
    });
    expect(
      registry.lookup(
        'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay',
      )?.instance?.id,
    ).toBe('cri-f34lmbk2rxqx41u8');
    const etl = registry.lookup(
      'acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com/data/etl-runner:2.0.1',
    )!;
    expect(etl).toMatchObject({
      sizeBytes: 900 * MiB,
      instance: {
        id: 'cri-shanghai7k2m9x4p',
        name: 'acr-en-shanghai',
        region: 'cn-shanghai',
      },
    });
  });

  it('rejects malformed registry files', () => {
    expect(
      () =>
        new SimulatedRegistry({
          acrInstances: [{ id: 'bad', name: 'x', region: 'cn-hangzhou' }],
          images: [],
        }),
    ).toThrow('must look like cri-');
    expect(
      () => new SimulatedRegistry({ images: [{ ref: 'nginx', size: 'huge' }] }),
    ).toThrow('invalid byte size');
  });
});
