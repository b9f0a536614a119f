import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { createMockActionContext } from '../../__testUtils__/createMockActionContext';
import { createReadEntityAction } from './createReadEntityAction';

const mlTrainer: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ml-trainer', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/platform-team' },
};

async function run(input: JsonObject) {
  const action = createReadEntityAction({
    catalog: catalogServiceMock({ entities: [mlTrainer] }),
  });
  const ctx = createMockActionContext({ input });
  await action.handler(ctx);
  return ctx.outputs;
}

/** The error a run fails with. */
async function failure(input: JsonObject): Promise<Error> {
  try {
    await run(input);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the action did not fail');
}

describe('eci:catalog:read', () => {
  it('outputs the entity the catalog lists', async () => {
    const outputs = await run({ entityRef: 'component:default/ml-trainer' });
    expect(outputs.entity).toMatchObject({
      metadata: { name: 'ml-trainer' },
      spec: { owner: 'group:default/platform-team' },
    });
  });

  it('refuses a well-formed ref the catalog does not list, naming the form field and the rule, without a stack trace', async () => {
    const error = await failure({
      entityRef: 'component:default/walk-svc-1',
      field: 'service',
    });
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      'Invalid input: `service`: component:default/walk-svc-1 is not in the catalog; choose an entity the catalog lists.',
    );
    // The scaffolder writes a failed step's stack to the task log.
    expect(error.stack).toBe(`InputError: ${error.message}`);
  });

  it('refuses text that is not an entity ref, naming the form field', async () => {
    const error = await failure({ entityRef: 'walk-svc-1', field: 'service' });
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(
      /^Invalid input: `service`: .*is not a full entity reference/,
    );
    expect(error.stack).toBe(`InputError: ${error.message}`);
  });
});
