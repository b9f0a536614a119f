import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import {
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Link,
  Skeleton,
  Text,
} from '@backstage/ui';
import { RiFireFill, RiSnowflakeLine } from '@remixicon/react';
import { useMemo } from 'react';
import { readableError } from '../../api/readableError';
import { useEntityState } from '../../hooks/useEntityState';
import { entityCacheDecision } from '../../state/entityDecision';
import { warmthVerdict } from '../../state/warmthVerdict';
import { ExpiryTime } from '../common/ExpiryTime';
import { Fact, Facts } from '../common/Facts';
import { Message } from '../common/Message';
import { warmthColor, warmthHeadline } from '../common/warmth';
import { identifier } from '../common/styles';

function CardContent(props: { entity: Entity }) {
  const { kind, namespace, name } = getCompoundEntityRef(props.entity);
  const ref = useMemo(
    () => ({ kind, namespace, name }),
    [kind, namespace, name],
  );
  const { state, error, loading } = useEntityState(ref);
  if (loading) {
    return (
      <Flex direction="column" gap="2" aria-busy="true">
        <Text color="secondary">Loading the image cache of {name}…</Text>
        <Skeleton width="100%" height={64} />
      </Flex>
    );
  }
  if (!state) {
    return (
      <Text as="p" style={{ color: 'var(--bui-danger-fg-subdued, #b3261e)' }}>
        The image cache state could not be loaded: {readableError(error)}
      </Text>
    );
  }
  const verdict = warmthVerdict(state, entityCacheDecision(state, new Date()));
  const { cache } = verdict;
  const color = warmthColor(verdict.verdict);
  return (
    <Flex direction="column" gap="3">
      <Flex gap="2" align="start">
        <span aria-hidden style={{ color, display: 'inline-flex' }}>
          {verdict.verdict === 'warm' ? (
            <RiFireFill size={24} />
          ) : (
            <RiSnowflakeLine size={24} />
          )}
        </span>
        <div data-testid="overview-verdict">
          <Text as="h3" variant="body-large" weight="bold" style={{ color }}>
            {warmthHeadline(verdict.verdict)}
          </Text>
          <Text as="p" variant="body-small">
            <Message text={verdict.reason} />
          </Text>
        </div>
      </Flex>
      <Facts>
        <Fact label="Cache ID">
          <code style={identifier} data-testid="overview-cache-id">
            {cache?.imageCacheId ?? (cache ? 'not assigned yet' : 'none')}
          </code>
        </Fact>
        {cache ? (
          <Fact label="Expiry">
            <ExpiryTime cache={cache} testId="overview-expiry" />
          </Fact>
        ) : null}
      </Facts>
    </Flex>
  );
}

/**
 * The entity Overview's five-second answer about image caches: warm or cold and why, the cache
 * id and its expiry, and a link to the Image Cache tab (absent when the app has no such tab).
 */
export function ImageCacheOverviewCard(props: {
  entity: Entity;
  tabLink?: string;
}) {
  const { entity, tabLink } = props;
  return (
    <Card role="region" aria-label="Image cache overview">
      <CardHeader>
        <Text as="h2" variant="title-x-small" weight="bold">
          Image cache
        </Text>
      </CardHeader>
      <CardBody>
        <CardContent entity={entity} />
      </CardBody>
      {tabLink ? (
        <CardFooter>
          <Link href={tabLink}>Open the Image Cache tab</Link>
        </CardFooter>
      ) : null}
    </Card>
  );
}
