import { imageLabel } from './imageLabel';

describe('imageLabel', () => {
  it.each([
    [
      'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2',
      'ml/trainer:1.4.2',
    ],
    ['docker.io/library/python:3.12-slim', 'library/python:3.12-slim'],
    ['docker/whalesay', 'docker/whalesay'],
    ['not a reference', 'not a reference'],
  ])('%s → %s', (image, label) => {
    expect(imageLabel(image)).toBe(label);
  });
});
