import { isPublicRegistry } from './publicRegistries';
import { parseImageReference } from './images';

describe('isPublicRegistry', () => {
  it('knows Docker Hub, including images written without a registry', () => {
    const image = parseImageReference('docker/whalesay');
    expect(image.ok && isPublicRegistry(image.value.registry)).toBe(true);
    expect(isPublicRegistry('DOCKER.IO')).toBe(true);
  });

  it('treats ACR and unknown registries as private', () => {
    expect(
      isPublicRegistry('acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com'),
    ).toBe(false);
    expect(isPublicRegistry('registry.example.internal:5000')).toBe(false);
  });
});
