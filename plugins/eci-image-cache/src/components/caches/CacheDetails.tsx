import {
  HistoryEntry,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Flex, Text } from '@backstage/ui';
import { RelativeTime } from '../common/RelativeTime';
import {
  cell,
  headerCell,
  plainList,
  secondaryText,
  table,
} from '../common/styles';

function EventsTable(props: { cache: ImageCacheView }) {
  const events = [...props.cache.events].reverse();
  if (events.length === 0) {
    return <Text color="secondary">ECI has reported no events yet.</Text>;
  }
  return (
    <table style={table} aria-label={`ECI events of ${props.cache.name}`}>
      <thead>
        <tr>
          <th style={headerCell}>When</th>
          <th style={headerCell}>Type</th>
          <th style={headerCell}>Reason</th>
          <th style={headerCell}>Message</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, index) => (
          <tr key={index}>
            <td style={cell}>
              <RelativeTime iso={event.lastTimestamp ?? event.firstTimestamp} />
            </td>
            <td
              style={{
                ...cell,
                color:
                  event.type === 'Warning'
                    ? 'var(--bui-warning-fg-subdued, #aa4d00)'
                    : undefined,
              }}
            >
              {event.type ?? '—'}
            </td>
            <td style={cell}>{event.reason ?? '—'}</td>
            <td style={cell}>
              {event.message ?? '—'}
              {event.count && event.count > 1 ? ` (×${event.count})` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HistoryList(props: { entries: HistoryEntry[] }) {
  if (props.entries.length === 0) {
    return <Text color="secondary">No lifecycle history for this cache.</Text>;
  }
  return (
    <ol style={plainList}>
      {props.entries.map((entry, index) => (
        <li key={index} style={{ marginBottom: 'var(--bui-space-1, 4px)' }}>
          <RelativeTime iso={entry.occurredAt} /> —{' '}
          <strong>{entry.action}</strong>
          {entry.imageCacheId ? ` (${entry.imageCacheId})` : ''}
          {entry.message ? `: ${entry.message}` : ''}
          {entry.actor ? (
            <span style={secondaryText}> by {entry.actor}</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** What the expanded row shows: lifecycle facts, ECI's events and the cache's history. */
export function CacheDetails(props: {
  cache: ImageCacheView;
  history: HistoryEntry[];
}) {
  const { cache, history } = props;
  return (
    <Flex direction="column" gap="3">
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          gap: 'var(--bui-space-1, 4px) var(--bui-space-4, 16px)',
          margin: 0,
        }}
      >
        <dt style={secondaryText}>Images</dt>
        <dd style={{ margin: 0 }}>{cache.images.join(', ')}</dd>
        <dt style={secondaryText}>Created</dt>
        <dd style={{ margin: 0 }}>
          <RelativeTime iso={cache.creationTimestamp} />
        </dd>
        <dt style={secondaryText}>ACR instances</dt>
        <dd style={{ margin: 0 }}>{cache.acrInstanceIds ?? 'none'}</dd>
        {cache.retry ? (
          <>
            <dt style={secondaryText}>Retry</dt>
            <dd style={{ margin: 0 }}>
              attempt {cache.retry.attempts + 1}{' '}
              <RelativeTime iso={cache.retry.nextAttemptAt} />
            </dd>
          </>
        ) : null}
        {cache.deleteAfter ? (
          <>
            <dt style={secondaryText}>Deleted</dt>
            <dd style={{ margin: 0 }}>
              <RelativeTime iso={cache.deleteAfter} /> (no longer wanted)
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-label="ECI events">
        <Text as="h4" variant="body-medium" weight="bold">
          ECI events
        </Text>
        <EventsTable cache={cache} />
      </section>
      <section aria-label="Lifecycle history">
        <Text as="h4" variant="body-medium" weight="bold">
          Lifecycle history
        </Text>
        <HistoryList entries={history} />
      </section>
    </Flex>
  );
}
