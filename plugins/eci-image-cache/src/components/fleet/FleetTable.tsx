import { parseEntityRef } from '@backstage/catalog-model';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import {
  FleetCachesResponse,
  FleetCacheView,
  FleetSortKey,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Link } from '@backstage/ui';
import { CSSProperties } from 'react';
import { costText, gibText, ORIGIN_LABELS } from '../../state/fleetQuery';
import { imageLabel } from '../../state/imageLabel';
import { RelativeTime } from '../common/RelativeTime';
import {
  cell,
  headerCell,
  identifier,
  plainList,
  secondaryText,
  table,
} from '../common/styles';

const sortButton: CSSProperties = {
  background: 'none',
  border: 'none',
  padding: 0,
  font: 'inherit',
  color: 'inherit',
  cursor: 'pointer',
};

interface Column {
  title: string;
  sort?: FleetSortKey;
}

function SortHeader(props: {
  column: Column;
  sort: FleetSortKey;
  order: 'asc' | 'desc';
  onSort: (key: FleetSortKey) => void;
}) {
  const { column } = props;
  if (!column.sort) {
    return <th style={headerCell}>{column.title}</th>;
  }
  const key = column.sort;
  const active = props.sort === key;
  const ariaSort = props.order === 'asc' ? 'ascending' : 'descending';
  return (
    <th style={headerCell} aria-sort={active ? ariaSort : 'none'}>
      <button
        type="button"
        style={sortButton}
        onClick={() => props.onSort(key)}
      >
        {column.title}
        {active && (props.order === 'asc' ? ' ▲' : ' ▼')}
      </button>
    </th>
  );
}

function Owner(props: { cache: FleetCacheView }) {
  const entityLink = useEntityRefLink();
  const ref = props.cache.ownerEntityRef;
  if (!ref) return <span style={secondaryText}>—</span>;
  return (
    <>
      <Link href={`${entityLink(parseEntityRef(ref))}/image-cache`}>{ref}</Link>
      {props.cache.ownerInCatalog === false && (
        <div style={secondaryText}>not in the catalog any more</div>
      )}
    </>
  );
}

function Phase(props: { cache: FleetCacheView }) {
  const { phase } = props.cache;
  const failed = phase === 'Failed' || phase === 'UpdateFailed';
  return (
    <span
      style={
        failed
          ? {
              color: 'var(--bui-negative-fg-subdued, #991919)',
              fontWeight: 600,
            }
          : {}
      }
    >
      {phase ?? 'Pending'}
    </span>
  );
}

/** One page of the fleet; column headers sort on the server. */
export function FleetTable(props: {
  fleet: FleetCachesResponse;
  sort: FleetSortKey;
  order: 'asc' | 'desc';
  onSort: (key: FleetSortKey) => void;
}) {
  const { fleet } = props;
  const columns: Column[] = [
    { title: 'Cluster', sort: 'cluster' },
    { title: 'Image cache', sort: 'name' },
    { title: 'Origin', sort: 'origin' },
    { title: 'Owner', sort: 'owner' },
    { title: 'Phase', sort: 'phase' },
    { title: 'Size', sort: 'size' },
    { title: 'Images' },
    { title: 'Expires', sort: 'expiry' },
    { title: 'Last hit', sort: 'lastHit' },
    ...(fleet.pricing ? [{ title: 'Est. monthly cost' }] : []),
  ];
  return (
    <table style={table} aria-label="Image caches">
      <thead>
        <tr>
          {columns.map(column => (
            <SortHeader
              key={column.title}
              column={column}
              sort={props.sort}
              order={props.order}
              onSort={props.onSort}
            />
          ))}
        </tr>
      </thead>
      <tbody>
        {fleet.items.map(cache => (
          <tr key={`${cache.cluster}/${cache.name}`}>
            <td style={cell}>{cache.cluster}</td>
            <td style={cell}>
              <div style={identifier}>{cache.name}</div>
              {cache.imageCacheId && (
                <div style={{ ...identifier, ...secondaryText }}>
                  {cache.imageCacheId}
                </div>
              )}
            </td>
            <td style={cell}>{ORIGIN_LABELS[cache.origin]}</td>
            <td style={cell}>
              <Owner cache={cache} />
            </td>
            <td style={cell}>
              <Phase cache={cache} />
            </td>
            <td style={{ ...cell, whiteSpace: 'nowrap' }}>
              {gibText(cache.imageCacheSize)}
            </td>
            <td style={cell}>
              <ul style={plainList}>
                {cache.images.map(image => (
                  <li key={image} title={image}>
                    {imageLabel(image)}
                  </li>
                ))}
              </ul>
            </td>
            <td style={cell}>
              <RelativeTime iso={cache.expireDateTime} />
            </td>
            <td style={cell}>
              {cache.lastHitAt ? (
                <RelativeTime iso={cache.lastHitAt} />
              ) : (
                <span style={secondaryText}>none recorded</span>
              )}
            </td>
            {fleet.pricing && (
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                {costText(cache.monthlyCost, fleet.pricing.currency)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
