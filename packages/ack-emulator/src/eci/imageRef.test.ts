import { normalizeImage } from './imageRef';

describe('normalizeImage', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25.3', 'docker.io/library/nginx:1.25.3'],
    ['docker/whalesay', 'docker.io/docker/whalesay:latest'],
    ['index.docker.io/library/busybox', 'docker.io/library/busybox:latest'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['quay.io/argoproj/argoexec:v3.5.5', 'quay.io/argoproj/argoexec:v3.5.5'],
    [
      'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay',
      'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay:latest',
    ],
    ['busybox@sha256:abc', 'docker.io/library/busybox@sha256:abc'],
  ])('%s => %s', (input, expected) => {
    expect(normalizeImage(input)).toBe(expected);
  });
});
