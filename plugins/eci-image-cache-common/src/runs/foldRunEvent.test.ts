import { emptyRunEvidence, foldPodStatus, foldRunEvent } from './foldRunEvent';
import { parseGoDurationMs } from './goDuration';
import { PodEventInput } from './runTypes';

const IMAGE = 'registry.example.com/team/app:1.0';

function fold(events: PodEventInput[]) {
  return events.reduce(foldRunEvent, emptyRunEvidence());
}

describe('parseGoDurationMs', () => {
  it.each([
    ['1.234s', 1234],
    ['850ms', 850],
    ['1m2.5s', 62_500],
    ['1h0m0s', 3_600_000],
    ['0s', 0],
    ['12µs', 0],
  ])('parses %s', (text, ms) => {
    expect(parseGoDurationMs(text)).toBe(ms);
  });

  it.each(['', '1.2', 'soon', '1s later'])('rejects %j', text => {
    expect(parseGoDurationMs(text)).toBeUndefined();
  });
});

describe('foldRunEvent', () => {
  it('reads a hit and the kubelet pull duration (real event wordings)', () => {
    const evidence = fold([
      {
        reason: 'Scheduled',
        type: 'Normal',
        message: 'Successfully assigned argo/x to virtual-kubelet',
      },
      {
        reason: 'SuccessfulHitImageCache',
        type: 'Normal',
        message:
          '[eci.imagecache]Successfully hit image cache imc-2zeditzeoemfhqor1234, eci will be scheduled with this image cache.',
      },
      {
        reason: 'Pulling',
        type: 'Normal',
        message: `Pulling image "${IMAGE}"`,
      },
      {
        reason: 'Pulled',
        type: 'Normal',
        message: `Successfully pulled image "${IMAGE}" in 1.532s (1.532s including waiting). Image size: 7000 bytes.`,
      },
      { reason: 'Started', type: 'Normal', message: 'Started container main' },
    ]);
    expect(evidence).toEqual({
      cacheOutcome: 'hit',
      imageCacheId: 'imc-2zeditzeoemfhqor1234',
      pulls: [{ image: IMAGE, durationMs: 1532 }],
    });
  });

  it('keeps auto-created over the earlier miss, whatever the order', () => {
    const missed = {
      reason: 'ImageCacheMissed',
      type: 'Warning',
      message: '[eci.imagecache]Missed image cache.',
    };
    const created = {
      reason: 'ImageCacheAutoCreated',
      type: 'Normal',
      message: '[eci.imagecache]Image cache imc-abc123 is auto created',
    };
    expect(fold([missed, created])).toMatchObject({
      cacheOutcome: 'auto-created',
      imageCacheId: 'imc-abc123',
    });
    expect(fold([created, missed])).toMatchObject({
      cacheOutcome: 'auto-created',
    });
    expect(fold([missed])).toMatchObject({ cacheOutcome: 'missed' });
  });

  it('records a pinned cache that does not exist as outcome and failure', () => {
    const evidence = fold([
      {
        reason: 'ImageCacheNotFound',
        type: 'Warning',
        message: 'The specified image cache imc-gone0001 does not exist.',
      },
    ]);
    expect(evidence.cacheOutcome).toBe('pinned-not-found');
    expect(evidence.imageCacheId).toBe('imc-gone0001');
    expect(evidence.failure?.reason).toBe('ImageCacheNotFound');
  });

  it('keeps the specific pull failure over the generic follow-ups', () => {
    const specific = `Failed to pull image "${IMAGE}": rpc error: code = Unknown desc = failed to resolve reference: unauthorized`;
    const evidence = fold([
      {
        reason: 'Pulling',
        type: 'Normal',
        message: `Pulling image "${IMAGE}"`,
      },
      { reason: 'Failed', type: 'Warning', message: specific },
      { reason: 'Failed', type: 'Warning', message: 'Error: ErrImagePull' },
      {
        reason: 'BackOff',
        type: 'Normal',
        message: `Back-off pulling image "${IMAGE}"`,
      },
      { reason: 'Failed', type: 'Warning', message: 'Error: ImagePullBackOff' },
    ]);
    expect(evidence.failure).toEqual({
      reason: 'ErrImagePull',
      message: specific,
      image: IMAGE,
    });
    expect(evidence.pulls).toEqual([{ image: IMAGE, durationMs: null }]);
  });

  it('counts an image already present as a zero-time pull', () => {
    expect(
      fold([
        {
          reason: 'Pulled',
          type: 'Normal',
          message: `Container image "${IMAGE}" already present on machine`,
        },
      ]).pulls,
    ).toEqual([{ image: IMAGE, durationMs: 0, alreadyPresent: true }]);
  });

  it('ignores events it does not know', () => {
    expect(
      fold([
        {
          reason: 'Killing',
          type: 'Normal',
          message: 'Stopping container main',
        },
      ]),
    ).toEqual(emptyRunEvidence());
  });
});

describe('foldPodStatus', () => {
  it('takes a waiting container reason when no event explained the failure', () => {
    const evidence = foldPodStatus(emptyRunEvidence(), {
      phase: 'Pending',
      containerStatuses: [
        {
          image: IMAGE,
          state: {
            waiting: {
              reason: 'ImagePullBackOff',
              message: 'Back-off pulling image',
            },
          },
        },
      ],
    });
    expect(evidence.failure).toEqual({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image',
      image: IMAGE,
    });
  });

  it('does not replace an event failure with the status', () => {
    const specific = fold([
      {
        reason: 'Failed',
        type: 'Warning',
        message: `Failed to pull image "${IMAGE}": not found`,
      },
    ]);
    expect(
      foldPodStatus(specific, {
        phase: 'Failed',
        reason: 'ProviderFailed',
        message: 'x',
      }).failure?.reason,
    ).toBe('ErrImagePull');
  });
});
