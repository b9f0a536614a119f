import { useApi } from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex, Skeleton, Text } from '@backstage/ui';
import { useEffect, useMemo, useState } from 'react';
import { eciImageCacheApiRef } from '../../api/EciImageCacheApi';
import { readableError } from '../../api/readableError';
import { useFleetCaches } from '../../hooks/useFleetCaches';
import {
  filteredBy,
  FLEET_PAGE_SIZES,
  fleetQueryOf,
  INITIAL_FLEET_VIEW,
  sortedBy,
} from '../../state/fleetQuery';
import { secondaryText } from '../common/styles';
import { FleetFilterBar } from './FleetFilterBar';
import { FleetTable } from './FleetTable';
import { FleetTotals } from './FleetTotals';

function useClusterNames(): string[] {
  const api = useApi(eciImageCacheApiRef);
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    api.listClusters().then(
      clusters => current && setNames(clusters.items.map(c => c.name)),
      () => undefined, // the fleet request shows the error
    );
    return () => {
      current = false;
    };
  }, [api]);
  return names;
}

/**
 * Every ImageCache on every configured cluster, for the platform team: filters, totals per
 * cluster, server-side sorting and pagination.
 */
export function FleetContent() {
  const [view, setView] = useState(INITIAL_FLEET_VIEW);
  const query = useMemo(() => fleetQueryOf(view), [view]);
  const { fleet, error, loading, reload } = useFleetCaches(query);
  const clusters = useClusterNames();

  const first = fleet && fleet.total > 0 ? fleet.offset + 1 : 0;
  const last = fleet ? fleet.offset + fleet.items.length : 0;
  return (
    <Flex direction="column" gap="4" aria-busy={loading}>
      <Text style={secondaryText}>
        Every ImageCache on every configured cluster: managed by the portal,
        created by ECI automatically, or made by hand. Served from the
        portal&apos;s watch of each cluster.
      </Text>
      <FleetFilterBar
        filters={view.filters}
        clusters={clusters}
        onChange={change => setView(filteredBy(view, change))}
      />
      {error !== undefined && (
        <Alert
          status="danger"
          icon
          title="The fleet could not be loaded"
          description={readableError(error)}
          customActions={
            <Button size="small" variant="secondary" onPress={reload}>
              Retry
            </Button>
          }
        />
      )}
      {fleet?.errors.map(clusterError => (
        <Alert
          key={clusterError.cluster}
          status="warning"
          icon
          title={`Cluster ${clusterError.cluster}: data may be missing or stale`}
          description={clusterError.message}
        />
      ))}
      {!fleet && !error && <Skeleton width="100%" height={240} />}
      {fleet && (
        <>
          <FleetTotals fleet={fleet} />
          {fleet.total === 0 ? (
            <Text>No image cache matches these filters.</Text>
          ) : (
            <FleetTable
              fleet={fleet}
              sort={view.sort}
              order={view.order}
              onSort={key => setView(sortedBy(view, key))}
            />
          )}
          <Flex gap="3" align="center" style={{ flexWrap: 'wrap' }}>
            <Text role="status">
              {fleet.total === 0
                ? 'No rows'
                : `Rows ${first}–${last} of ${fleet.total}`}
              {loading ? ' (loading…)' : ''}
            </Text>
            <Button
              size="small"
              variant="secondary"
              isDisabled={fleet.offset === 0}
              onPress={() =>
                setView({
                  ...view,
                  offset: Math.max(0, view.offset - view.pageSize),
                })
              }
            >
              Previous page
            </Button>
            <Button
              size="small"
              variant="secondary"
              isDisabled={fleet.nextOffset === null}
              onPress={() =>
                fleet.nextOffset !== null &&
                setView({ ...view, offset: fleet.nextOffset })
              }
            >
              Next page
            </Button>
            <label style={secondaryText}>
              Rows per page{' '}
              <select
                value={view.pageSize}
                onChange={event =>
                  setView({
                    ...view,
                    pageSize: Number(event.target.value),
                    offset: 0,
                  })
                }
              >
                {FLEET_PAGE_SIZES.map(size => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
          </Flex>
        </>
      )}
    </Flex>
  );
}
