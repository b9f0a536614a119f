import {
  HistoryEntry,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Badge, ButtonIcon } from '@backstage/ui';
import { RiArrowDownSLine, RiArrowRightSLine } from '@remixicon/react';
import { useId, useState } from 'react';
import { ActionPermission } from '../../hooks/useEntityActionPermissions';
import { CACHE_ROLE_TEXT, ORIGIN_TEXT } from '../../state/cacheRole';
import { imageLabel } from '../../state/imageLabel';
import { CopyButton } from '../common/CopyButton';
import { ExpiryTime } from '../common/ExpiryTime';
import { RelativeTime } from '../common/RelativeTime';
import {
  cell,
  identifier,
  monospace,
  plainList,
  secondaryText,
} from '../common/styles';
import { PermissionGatedButton } from '../permissions/PermissionGatedButton';
import { CacheDetails } from './CacheDetails';
import { PhaseStatus } from './PhaseStatus';

/**
 * Column headings of the caches table (the first, the details toggle, is read by screen readers
 * only). Narrow screens stack each row and label its cells with these.
 */
export const CACHE_TABLE_HEADINGS = [
  'Details',
  'Name',
  'Images',
  'Phase',
  'Cache ID',
  'Size · retention',
  'Actions',
];

/** Number of columns of the caches table, for the details row. */
export const CACHE_TABLE_COLUMNS = CACHE_TABLE_HEADINGS.length;

/** One cache of the table; expands to its events and history. */
export function CacheRow(props: {
  cache: ImageCacheView;
  history: HistoryEntry[];
  deletePermission: ActionPermission;
  deniedReason: string;
  onDelete: (cache: ImageCacheView) => void;
}) {
  const { cache, history, deletePermission, deniedReason, onDelete } = props;
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  return (
    <>
      <tr data-testid={`cache-row-${cache.name}`}>
        <td
          className="eci-cache-toggle"
          style={{ ...cell, width: 28, paddingRight: 0 }}
        >
          <ButtonIcon
            aria-label={`${expanded ? 'Hide' : 'Show'} events and history of ${
              cache.name
            }`}
            aria-expanded={expanded}
            aria-controls={detailsId}
            icon={expanded ? <RiArrowDownSLine /> : <RiArrowRightSLine />}
            size="small"
            variant="tertiary"
            onPress={() => setExpanded(value => !value)}
          />
        </td>
        <th
          scope="row"
          className="eci-cache-name"
          style={{ ...cell, textAlign: 'left', fontWeight: 400 }}
        >
          <div style={identifier}>{cache.name}</div>
          <div
            style={{
              display: 'flex',
              gap: 'var(--bui-space-1, 4px)',
              alignItems: 'center',
              marginTop: 'var(--bui-space-1, 4px)',
              flexWrap: 'wrap',
            }}
          >
            <Badge size="small">{ORIGIN_TEXT[cache.origin]}</Badge>
            <span style={secondaryText}>{CACHE_ROLE_TEXT[cache.role]}</span>
          </div>
        </th>
        <td data-label="Images" style={cell}>
          <ul style={plainList}>
            {cache.images.map(image => (
              <li
                key={image}
                title={image}
                style={{ ...monospace, minWidth: 140, maxWidth: 220 }}
              >
                {imageLabel(image)}
              </li>
            ))}
          </ul>
        </td>
        <td data-label="Phase" style={cell}>
          <PhaseStatus cache={cache} />
          <div style={secondaryText}>
            updated{' '}
            <RelativeTime
              iso={cache.lastUpdatedTime ?? cache.creationTimestamp}
            />
          </div>
        </td>
        <td data-label="Cache ID" style={cell}>
          {cache.imageCacheId ? (
            <span style={{ display: 'inline-flex', alignItems: 'center' }}>
              <code style={identifier} data-testid="cache-id">
                {cache.imageCacheId}
              </code>
              <CopyButton
                iconOnly
                text={cache.imageCacheId}
                label={`Copy cache id ${cache.imageCacheId}`}
              />
            </span>
          ) : (
            <span style={secondaryText}>not assigned yet</span>
          )}
        </td>
        <td data-label="Size · retention" style={cell}>
          <div style={{ whiteSpace: 'nowrap' }}>
            {cache.imageCacheSize === null
              ? '—'
              : `${cache.imageCacheSize} GiB`}
            {' · '}
            {cache.retentionDays === null
              ? 'no expiry'
              : `${cache.retentionDays} days`}
          </div>
          <div
            style={{
              ...secondaryText,
              color: cache.expired
                ? 'var(--bui-warning-fg-subdued, #aa4d00)'
                : undefined,
            }}
          >
            <ExpiryTime cache={cache} testId="cache-expiry" />
          </div>
        </td>
        <td style={{ ...cell, whiteSpace: 'nowrap' }}>
          {cache.managed ? (
            <PermissionGatedButton
              permission={deletePermission}
              deniedReason={deniedReason}
              size="small"
              variant="secondary"
              destructive
              isDisabled={cache.deleting}
              aria-label={`Delete cache ${cache.name}`}
              onPress={() => onDelete(cache)}
            >
              Delete
            </PermissionGatedButton>
          ) : (
            <span style={secondaryText}>read-only</span>
          )}
        </td>
      </tr>
      {expanded ? (
        <tr id={detailsId}>
          <td
            colSpan={CACHE_TABLE_COLUMNS}
            style={{
              ...cell,
              background: 'var(--bui-bg-neutral-1, transparent)',
            }}
          >
            <CacheDetails cache={cache} history={history} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
