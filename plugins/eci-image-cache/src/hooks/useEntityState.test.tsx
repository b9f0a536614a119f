import { TestApiProvider } from '@backstage/frontend-test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { PropsWithChildren } from 'react';
import { EciImageCacheApi, eciImageCacheApiRef } from '../api/EciImageCacheApi';
import {
  cacheView,
  entityState,
  stateWithCaches,
} from '../__testUtils__/fixtures';
import { FAST_POLL_MS, SLOW_POLL_MS, useEntityState } from './useEntityState';

const entity = { kind: 'Component', namespace: 'default', name: 'ml-trainer' };

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', {
    value: state,
    configurable: true,
  });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

function renderWith(getEntityState: jest.Mock) {
  const api = { getEntityState } as unknown as EciImageCacheApi;
  const wrapper = ({ children }: PropsWithChildren) => (
    <TestApiProvider apis={[[eciImageCacheApiRef, api]]}>
      {children}
    </TestApiProvider>
  );
  return renderHook(() => useEntityState(entity), { wrapper });
}

async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

describe('useEntityState', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    setVisibility('visible');
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('polls every 2 s while a cache is Creating and every 30 s once it is Ready', async () => {
    const creating = stateWithCaches([
      cacheView({ phase: 'Creating', progress: '45%', progressPercent: 45 }),
    ]);
    const getEntityState = jest
      .fn()
      .mockResolvedValueOnce(creating)
      .mockResolvedValueOnce(creating)
      .mockResolvedValue(entityState());
    const { result } = renderWith(getEntityState);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(getEntityState).toHaveBeenCalledTimes(1);

    await advance(FAST_POLL_MS);
    expect(getEntityState).toHaveBeenCalledTimes(2);
    await advance(FAST_POLL_MS);
    expect(getEntityState).toHaveBeenCalledTimes(3);
    expect(result.current.state?.clusters[0].caches[0].phase).toBe('Ready');

    await advance(SLOW_POLL_MS - 1);
    expect(getEntityState).toHaveBeenCalledTimes(3);
    await advance(1);
    expect(getEntityState).toHaveBeenCalledTimes(4);
  });

  it('pauses while the tab is hidden and reloads when it is shown again', async () => {
    const getEntityState = jest
      .fn()
      .mockResolvedValue(
        stateWithCaches([
          cacheView({ phase: 'Creating', progressPercent: 10 }),
        ]),
      );
    const { result } = renderWith(getEntityState);
    await waitFor(() => expect(result.current.loading).toBe(false));

    setVisibility('hidden');
    await advance(10 * FAST_POLL_MS);
    expect(getEntityState).toHaveBeenCalledTimes(1);

    setVisibility('visible');
    await advance(0);
    expect(getEntityState).toHaveBeenCalledTimes(2);
  });

  it('keeps the last state when a poll fails and reports the error', async () => {
    const getEntityState = jest
      .fn()
      .mockResolvedValueOnce(entityState())
      .mockRejectedValueOnce(new Error('backend restarting'));
    const { result } = renderWith(getEntityState);
    await waitFor(() => expect(result.current.loading).toBe(false));
    await advance(SLOW_POLL_MS);
    expect(result.current.state).toEqual(entityState());
    expect((result.current.error as Error).message).toBe('backend restarting');
  });

  it('ignores an answer that arrives after an optimistic patch', async () => {
    let answer: (value: unknown) => void = () => {};
    const getEntityState = jest
      .fn()
      .mockResolvedValueOnce(entityState())
      .mockImplementationOnce(() => new Promise(resolve => (answer = resolve)));
    const { result } = renderWith(getEntityState);
    await waitFor(() => expect(result.current.loading).toBe(false));
    act(() => {
      result.current.reload();
    });
    act(() => result.current.patch(state => ({ ...state, history: [] })));
    await act(async () => answer(entityState()));
    expect(result.current.state?.history).toEqual([]);
  });
});
