import {
  EntityClusterView,
  HistoryEntry,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import {
  Accordion,
  AccordionPanel,
  AccordionTrigger,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Text,
} from '@backstage/ui';
import { ActionPermission } from '../../hooks/useEntityActionPermissions';
import { RelativeTime } from '../common/RelativeTime';
import { plainList, secondaryText } from '../common/styles';
import { ClusterCaches } from './ClusterCaches';

const HISTORY_SHOWN = 20;

/** Every visible cluster's caches, then the entity's recent lifecycle history. */
export function CachesCard(props: {
  clusters: EntityClusterView[];
  history: HistoryEntry[];
  deletePermission: ActionPermission;
  deniedReason: string;
  onDelete: (cache: ImageCacheView) => void;
  /** Set while the tab's polls fail: when the shown data was loaded. */
  staleSince?: string;
}) {
  const {
    clusters,
    history,
    deletePermission,
    deniedReason,
    onDelete,
    staleSince,
  } = props;
  return (
    <Card>
      <CardHeader>
        <Text as="h2" variant="title-x-small" weight="bold">
          Image caches
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="5">
          {clusters.map(cluster => (
            <ClusterCaches
              key={cluster.name}
              cluster={cluster}
              history={history}
              deletePermission={deletePermission}
              deniedReason={deniedReason}
              onDelete={onDelete}
              staleSince={staleSince}
            />
          ))}
          {history.length > 0 ? (
            <Accordion>
              <AccordionTrigger
                title={`Lifecycle history (${history.length})`}
              />
              <AccordionPanel>
                <ol style={plainList}>
                  {history.slice(0, HISTORY_SHOWN).map((entry, index) => (
                    <li key={index} style={{ marginBottom: 4 }}>
                      <RelativeTime iso={entry.occurredAt} /> —{' '}
                      <strong>{entry.action}</strong> {entry.cacheName} on{' '}
                      {entry.cluster}
                      {entry.imageCacheId ? ` (${entry.imageCacheId})` : ''}
                      {entry.message ? `: ${entry.message}` : ''}
                      {entry.actor ? (
                        <span style={secondaryText}> by {entry.actor}</span>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </AccordionPanel>
            </Accordion>
          ) : null}
        </Flex>
      </CardBody>
    </Card>
  );
}
