import {
  ACR_INPUTS,
  commonDecision,
  CONFIGURED_ACR,
} from '../../__testUtils__/decisionStates';
import { clusterView, entityState } from '../../__testUtils__/fixtures';
import { previewAcrInput } from './acrPreview';

const state = entityState();
const images = state.config!.images.value;

describe('previewAcrInput', () => {
  it.each(ACR_INPUTS.map(input => [input]))(
    'previews "%s" as the backend writes it (common decideWorkflow)',
    input => {
      for (const allowUnlistedAcrInstances of [true, false]) {
        const cluster = clusterView({ allowUnlistedAcrInstances });
        const preview = previewAcrInput(input, cluster, images, CONFIGURED_ACR);
        const common = commonDecision(entityState({ clusters: [cluster] }), {
          acrInstance: input === '' ? null : input,
        });
        expect(preview.annotationValue ?? null).toBe(
          common.acr!.problems.length > 0 ? null : common.acr!.annotationValue,
        );
        expect(preview.errors).toEqual(
          common.acr!.problems.map(problem =>
            problem.message.replace('`acrInstance`', '`ACR instance`'),
          ),
        );
      }
    },
  );

  it('prefixes the configured region of a region-less id of an instance in another region', () => {
    const preview = previewAcrInput(
      'cri-shanghai7k2m9x4p',
      clusterView(),
      images,
      CONFIGURED_ACR,
    );
    expect(preview.annotationValue).toBe(
      'cn-shanghai:cri-shanghai7k2m9x4p,cri-f34lmbk2rxqx41u8',
    );
    expect(preview.explanation).toMatch(
      /instance in cn-shanghai, cluster in cn-hangzhou, so the region is prefixed/,
    );
  });

  it('refuses a region contradicting the configured instance, naming the field', () => {
    expect(
      previewAcrInput(
        'cn-beijing:cri-f34lmbk2rxqx41u8',
        clusterView(),
        images,
        CONFIGURED_ACR,
      ).errors,
    ).toEqual([
      '`ACR instance`: "cn-beijing:cri-f34lmbk2rxqx41u8" names region cn-beijing, but the configured instance cri-f34lmbk2rxqx41u8 is in cn-hangzhou; write "cn-hangzhou:cri-f34lmbk2rxqx41u8" or "cri-f34lmbk2rxqx41u8"',
    ]);
  });

  it('returns the common rule text for invalid input', () => {
    expect(
      previewAcrInput('hangzhou/cri-1', clusterView(), images, []).errors[0],
    ).toMatch(/is not "\[RegionID:\]InstanceID"/);
  });

  it('shows the instances serving the images when the field is empty', () => {
    expect(
      previewAcrInput('  ', clusterView(), images, CONFIGURED_ACR),
    ).toMatchObject({ errors: [], annotationValue: 'cri-f34lmbk2rxqx41u8' });
  });
});
