import { EntityStateResponse } from '@eci-portal/plugin-eci-image-cache-common';
import { Card, CardBody, Flex, Text } from '@backstage/ui';
import { RiFireFill, RiSnowflakeLine } from '@remixicon/react';
import { ReactNode } from 'react';
import { Fact, Facts } from '../common/Facts';
import { targetCluster } from '../../state/entityDecision';
import { WarmthVerdict } from '../../state/warmthVerdict';
import {
  hasFloatingTagWarning,
  isFloatingTagNote,
} from '../../state/floatingTag';
import { uniqueMessages } from '../../state/messageText';
import { Message } from '../common/Message';
import { warmthColor, warmthHeadline } from '../common/warmth';
import { secondaryText } from '../common/styles';

const SOURCE_TEXT = {
  annotation: 'annotation',
  settings: 'saved settings',
  default: 'default',
};

/** The five-second answer: warm or cold, why, and the facts it rests on. */
export function SummaryHeader(props: {
  state: EntityStateResponse;
  verdict: WarmthVerdict;
  action: ReactNode;
}) {
  const { state, verdict, action } = props;
  const config = state.config;
  const target = targetCluster(state);
  const others = state.clusters.filter(
    cluster => !cluster.target && cluster.caches.length > 0,
  );
  // Floating tags are listed once, with the other warnings below the summary.
  const caveats = uniqueMessages(
    verdict.caveats.filter(
      caveat => !(isFloatingTagNote(caveat) && hasFloatingTagWarning(state)),
    ),
  );
  const color = warmthColor(verdict.verdict);
  return (
    <Card role="region" aria-label="Image cache summary">
      <CardBody>
        <Flex direction="column" gap="3">
          <Flex
            justify="between"
            align="start"
            gap="4"
            style={{ flexWrap: 'wrap' }}
          >
            <Flex gap="3" align="start" style={{ flex: '1 1 420px' }}>
              <span
                aria-hidden
                style={{
                  color,
                  display: 'inline-flex',
                  padding: 'var(--bui-space-2, 8px)',
                  borderRadius: 'var(--bui-radius-full, 999px)',
                  background: 'var(--bui-bg-neutral-2, rgba(128,128,128,0.12))',
                }}
              >
                {verdict.verdict === 'warm' ? (
                  <RiFireFill size={28} />
                ) : (
                  <RiSnowflakeLine size={28} />
                )}
              </span>
              <div
                role="status"
                aria-live="polite"
                data-testid="warmth-verdict"
              >
                <Text
                  as="h2"
                  variant="title-small"
                  weight="bold"
                  style={{ color }}
                >
                  {warmthHeadline(verdict.verdict)}
                </Text>
                <Text as="p">
                  <Message text={verdict.reason} />
                </Text>
                {caveats.map(caveat => (
                  <Text
                    as="p"
                    key={caveat}
                    variant="body-small"
                    style={{ color: 'var(--bui-warning-fg-subdued, #aa4d00)' }}
                  >
                    <Message text={caveat} />
                  </Text>
                ))}
              </div>
            </Flex>
            {action}
          </Flex>
          <Facts>
            <Fact label="Cache mode">
              {config ? (
                <>
                  {config.cacheMode.value}{' '}
                  <span style={{ ...secondaryText, fontWeight: 400 }}>
                    ({SOURCE_TEXT[config.cacheMode.source]})
                  </span>
                </>
              ) : (
                'invalid configuration'
              )}
            </Fact>
            <Fact label="Cluster">
              {target
                ? `${target.name} (${target.region})`
                : config?.cluster.value ?? '—'}
            </Fact>
            {others.length > 0 ? (
              <Fact label="Caches also on">
                {others.map(cluster => cluster.name).join(', ')}
              </Fact>
            ) : null}
            <Fact label="Images">
              {config ? config.images.value.length : '—'}
            </Fact>
            <Fact label="Argo namespace">
              {config?.argoNamespace.value ?? '—'}
            </Fact>
          </Facts>
        </Flex>
      </CardBody>
    </Card>
  );
}
