import { ImageCacheView } from '@eci-portal/plugin-eci-image-cache-common';
import {
  RiCheckboxCircleFill,
  RiDeleteBinLine,
  RiErrorWarningFill,
  RiLoader4Line,
  RiQuestionLine,
  RiTimeLine,
} from '@remixicon/react';
import { ReactElement } from 'react';
import { isCacheInProgress } from '../../state/cacheProgress';
import { phaseLabel } from '../../state/phaseText';
import { ProgressBar } from '../common/ProgressBar';

interface PhaseLook {
  color: string;
  icon: ReactElement;
}

function lookOf(cache: ImageCacheView): PhaseLook {
  const size = 18;
  if (cache.deleting) {
    return {
      color: 'var(--bui-fg-secondary)',
      icon: <RiDeleteBinLine size={size} aria-hidden />,
    };
  }
  if (cache.expired) {
    return {
      color: 'var(--bui-warning-fg-subdued, #aa4d00)',
      icon: <RiTimeLine size={size} aria-hidden />,
    };
  }
  switch (cache.phase) {
    case 'Ready':
      return {
        color: 'var(--bui-positive-fg-subdued, #0c632b)',
        icon: <RiCheckboxCircleFill size={size} aria-hidden />,
      };
    case 'Failed':
    case 'UpdateFailed':
      return {
        color: 'var(--bui-negative-fg-subdued, #991919)',
        icon: <RiErrorWarningFill size={size} aria-hidden />,
      };
    case 'Preparing':
    case 'Creating':
    case 'Updating':
    case null:
      return {
        color: 'var(--bui-announcement-fg-subdued, #173da6)',
        icon: <RiLoader4Line size={size} aria-hidden className="eci-spin" />,
      };
    default:
      return {
        color: 'var(--bui-fg-secondary)',
        icon: <RiQuestionLine size={size} aria-hidden />,
      };
  }
}

/**
 * The phase with a status icon, and a progress bar while ECI builds the cache. The bar's line is
 * always reserved so rows keep their height when a build finishes.
 */
export function PhaseStatus(props: { cache: ImageCacheView }) {
  const { cache } = props;
  const look = lookOf(cache);
  const building = isCacheInProgress(cache) && !cache.deleting;
  return (
    <div style={{ minWidth: 110 }}>
      <span
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 'var(--bui-space-1, 4px)',
          color: look.color,
          fontWeight: 600,
        }}
      >
        {look.icon}
        <span>{phaseLabel(cache)}</span>
        {building && cache.progress ? (
          <span style={{ color: 'var(--bui-fg-secondary)', fontWeight: 400 }}>
            {cache.progress}
          </span>
        ) : null}
      </span>
      <div style={{ height: 6, marginTop: 'var(--bui-space-1, 4px)' }}>
        {building ? (
          <ProgressBar
            percent={cache.progressPercent}
            label={`Progress of cache ${cache.name}`}
          />
        ) : null}
      </div>
    </div>
  );
}
