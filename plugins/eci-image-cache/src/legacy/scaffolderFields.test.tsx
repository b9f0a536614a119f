import {
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import {
  FeatureFlagsApi,
  featureFlagsApiRef,
} from '@backstage/core-plugin-api';
import { TestApiProvider } from '@backstage/test-utils';
import { renderHook } from '@testing-library/react';
import { PropsWithChildren } from 'react';
import { AcrInstancePicker } from '../scaffolder/acrPicker/AcrInstancePicker';
import { validateAcrPick } from '../scaffolder/acrPicker/validateAcrPick';
import { EciImageCachePicker } from '../scaffolder/cachePicker/EciImageCachePicker';
import { validateCachePick } from '../scaffolder/cachePicker/validateCachePick';
import { validateClusterPick } from '../scaffolder/clusterPicker/validateClusterPick';
import { validateImages } from '../scaffolder/imagesField/validateImages';
import { validateText } from '../scaffolder/validatedText/validateText';
import {
  AcrInstancePickerFieldExtension,
  EciClusterPickerFieldExtension,
  EciImageCachePickerFieldExtension,
  EciImagesFieldExtension,
  EciValidatedTextFieldExtension,
} from './index';

describe('scaffolder field extensions (legacy frontend system)', () => {
  it('are found by the scaffolder inside <ScaffolderFieldExtensions>', () => {
    const outlet = (
      <ScaffolderFieldExtensions>
        <EciImageCachePickerFieldExtension />
        <AcrInstancePickerFieldExtension />
        <EciClusterPickerFieldExtension />
        <EciImagesFieldExtension />
        <EciValidatedTextFieldExtension />
      </ScaffolderFieldExtensions>
    );
    // The scaffolder skips extensions behind inactive feature flags, so it asks for them.
    const featureFlags: FeatureFlagsApi = {
      isActive: () => false,
      registerFlag: () => {},
      getRegisteredFlags: () => [],
      save: () => {},
    };
    const wrapper = ({ children }: PropsWithChildren) => (
      <TestApiProvider apis={[[featureFlagsApiRef, featureFlags]]}>
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(() => useCustomFieldExtensions(outlet), {
      wrapper,
    });
    expect(result.current).toEqual([
      expect.objectContaining({
        name: 'EciImageCachePicker',
        component: EciImageCachePicker,
        validation: validateCachePick,
        schema: expect.objectContaining({
          returnValue: expect.objectContaining({ type: 'string' }),
        }),
      }),
      expect.objectContaining({
        name: 'AcrInstancePicker',
        component: AcrInstancePicker,
        validation: validateAcrPick,
      }),
      expect.objectContaining({
        name: 'EciClusterPicker',
        validation: validateClusterPick,
      }),
      expect.objectContaining({
        name: 'EciImages',
        validation: validateImages,
      }),
      expect.objectContaining({
        name: 'EciValidatedText',
        validation: validateText,
      }),
    ]);
    expect(result.current[0].schema?.uiOptions).toMatchObject({
      properties: {
        entityRefField: { type: 'string' },
        cluster: { type: 'string' },
        clusterField: { type: 'string' },
      },
    });
  });
});
