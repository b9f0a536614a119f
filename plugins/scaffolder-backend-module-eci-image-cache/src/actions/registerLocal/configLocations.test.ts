import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { locationSpecToMetadataName } from '@backstage/plugin-catalog-node';
import path from 'node:path';
import { configLocations } from './configLocations';

describe('configLocations', () => {
  it('names and resolves the locations of catalog.locations as the catalog does', () => {
    const config = mockServices.rootConfig({
      data: {
        catalog: {
          locations: [
            {
              type: 'file',
              target: '../../.data/scaffolder/*/catalog-info.yaml',
            },
            { type: 'url', target: 'https://git.example.com/catalog.yaml' },
          ],
        },
      },
    });
    const glob = path.resolve('../../.data/scaffolder/*/catalog-info.yaml');
    const [file, url] = configLocations(config);
    expect(file.spec).toEqual({ type: 'file', target: glob });
    expect(stringifyEntityRef(file)).toBe(
      `location:default/${locationSpecToMetadataName({
        type: 'file',
        target: glob,
      })}`,
    );
    expect(url.spec).toEqual({
      type: 'url',
      target: 'https://git.example.com/catalog.yaml',
    });
  });

  it('is empty without catalog.locations', () => {
    expect(configLocations(mockServices.rootConfig())).toEqual([]);
  });
});
