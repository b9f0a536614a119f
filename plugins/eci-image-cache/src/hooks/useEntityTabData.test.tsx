import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { EciImageCacheApi, eciImageCacheApiRef } from '../api/EciImageCacheApi';
import { clusterView, entityState } from '../__testUtils__/fixtures';
import { workflowPreview } from '../__testUtils__/server';
import { useEntityTabData } from './useEntityTabData';

const entity = { kind: 'component', namespace: 'default', name: 'ml-trainer' };

describe('useEntityTabData', () => {
  it('one reload brings the state, the workflow YAML and the runs to the same revision', async () => {
    let acr = 'cri-f34lmbk2rxqx41u8';
    let runsLoads = 0;
    const api: Partial<EciImageCacheApi> = {
      getEntityState: async () =>
        entityState({
          clusters: [
            clusterView({
              acr: { ...clusterView().acr, annotationValue: acr },
            }),
          ],
        }),
      getWorkflow: async () =>
        workflowPreview({
          yaml: `k8s.aliyun.com/acr-instance-id: "${acr}"\n`,
          acrAnnotation: acr,
        }),
      getEntityRuns: async () => {
        runsLoads++;
        return {} as any;
      },
    };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[eciImageCacheApiRef, api]]}>
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(() => useEntityTabData(entity), { wrapper });
    await waitFor(() =>
      expect(result.current.workflow.preview?.yaml).toContain(
        'cri-f34lmbk2rxqx41u8',
      ),
    );
    const loadsBefore = runsLoads;

    acr = 'cn-shanghai:cri-shanghai7k2m9x4p';
    await act(() => result.current.reload());
    await waitFor(() =>
      expect(result.current.workflow.preview?.yaml).toContain(
        'cn-shanghai:cri-shanghai7k2m9x4p',
      ),
    );
    expect(result.current.workflow.loading).toBe(false);
    expect(result.current.state?.clusters[0].acr.annotationValue).toBe(
      'cn-shanghai:cri-shanghai7k2m9x4p',
    );
    expect(runsLoads).toBeGreaterThan(loadsBefore);
  });
});
