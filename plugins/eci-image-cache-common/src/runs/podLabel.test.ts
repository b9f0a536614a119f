import { entityRefHash } from '../imageCache';
import { generateWorkflow, tryGenerateWorkflow } from '../workflow';

describe('the pod label that ties runs to their entity', () => {
  it('is set in spec.podMetadata.labels next to the annotations', () => {
    const workflow = generateWorkflow({
      serviceName: 'trainer',
      entityRef: 'Component:default/Trainer',
      cacheMode: 'auto',
    });
    expect(workflow.spec).toMatchObject({
      podMetadata: {
        annotations: expect.any(Object),
        labels: {
          'eci.backstage.io/entity-hash': entityRefHash(
            'component:default/trainer',
          ),
        },
      },
    });
  });

  it('is set even when no annotation is needed', () => {
    const workflow = generateWorkflow({
      serviceName: 'a',
      entityRef: 'component:default/a',
      cacheMode: 'off',
    });
    expect(workflow.spec).toMatchObject({
      podMetadata: { labels: expect.any(Object) },
    });
  });

  it('is absent without an entity, and a malformed entity ref is refused by name', () => {
    expect(
      (generateWorkflow({ serviceName: 'a' }).spec as any).podMetadata?.labels,
    ).toBeUndefined();
    const result = tryGenerateWorkflow({
      serviceName: 'a',
      entityRef: 'not a ref',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0].field).toBe('entityRef');
  });
});
