import {
  EntityClusterView,
  HistoryEntry,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Alert, Flex, Text, VisuallyHidden } from '@backstage/ui';
import { ActionPermission } from '../../hooks/useEntityActionPermissions';
import { absoluteTime } from '../../state/absoluteTime';
import { headerCell, secondaryText, table } from '../common/styles';
import { CACHE_TABLE_HEADINGS, CacheRow } from './CacheRow';

const SYNC_TEXT: Record<EntityClusterView['sync']['state'], string> = {
  synced: 'live',
  syncing: 'loading caches…',
  error: 'may be stale',
};

function omittedNote(cluster: EntityClusterView): string {
  const count = cluster.otherCachesOmitted;
  const caches = `${count.toLocaleString('en-US')} more ${
    count === 1 ? 'cache' : 'caches'
  }`;
  return `${caches} on ${cluster.name} ${
    count === 1 ? 'holds' : 'hold'
  } some of this service’s images and ${
    count === 1 ? 'is' : 'are'
  } not listed. Listed are the caches holding all of them and the partial match ECI would try first.`;
}

/** The caches of one cluster; a cluster error shows inline, above whatever data there is. */
export function ClusterCaches(props: {
  cluster: EntityClusterView;
  history: HistoryEntry[];
  deletePermission: ActionPermission;
  deniedReason: string;
  onDelete: (cache: ImageCacheView) => void;
  /** Set while the tab's polls fail: when the shown data was loaded. */
  staleSince?: string;
}) {
  const {
    cluster,
    history,
    deletePermission,
    deniedReason,
    onDelete,
    staleSince,
  } = props;
  const headingId = `eci-cluster-${cluster.name}`;
  return (
    <section aria-labelledby={headingId}>
      <Flex align="baseline" gap="2" style={{ flexWrap: 'wrap' }}>
        <Text as="h3" id={headingId} variant="body-large" weight="bold">
          {cluster.name}
        </Text>
        <span style={secondaryText}>
          {cluster.region}
          {cluster.target ? ' · this service’s cluster' : ''}
          {cluster.default ? ' · default' : ''} ·{' '}
          {staleSince ? (
            <span
              data-testid="sync-state"
              style={{ color: 'var(--bui-warning-fg-subdued, #aa4d00)' }}
            >
              stale since{' '}
              <time dateTime={staleSince}>{absoluteTime(staleSince)}</time>
            </span>
          ) : (
            <span data-testid="sync-state">
              {SYNC_TEXT[cluster.sync.state]}
            </span>
          )}
        </span>
      </Flex>
      {cluster.error ? (
        <Alert
          status="danger"
          icon
          my="2"
          title={`Cluster ${cluster.name} cannot be read`}
          description={cluster.error.message}
        />
      ) : null}
      {cluster.caches.length === 0 ? (
        <Text as="p" color="secondary">
          {cluster.error
            ? 'No cached data for this cluster.'
            : 'No image cache holds this service’s images on this cluster.'}
        </Text>
      ) : (
        <div className="eci-caches" style={{ overflowX: 'auto' }}>
          <table
            className="eci-caches-table"
            style={table}
            aria-label={`Image caches on ${cluster.name}`}
          >
            <thead>
              <tr>
                {CACHE_TABLE_HEADINGS.map((heading, index) => (
                  <th key={heading} style={headerCell}>
                    {index === 0 ? (
                      <VisuallyHidden>{heading}</VisuallyHidden>
                    ) : (
                      heading
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cluster.caches.map(cache => (
                <CacheRow
                  key={cache.name}
                  cache={cache}
                  history={history.filter(
                    entry =>
                      entry.cluster === cluster.name &&
                      entry.cacheName === cache.name,
                  )}
                  deletePermission={deletePermission}
                  deniedReason={deniedReason}
                  onDelete={onDelete}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cluster.otherCachesOmitted > 0 ? (
        <Text as="p" color="secondary" data-testid="other-caches-omitted">
          {omittedNote(cluster)}
        </Text>
      ) : null}
    </section>
  );
}
