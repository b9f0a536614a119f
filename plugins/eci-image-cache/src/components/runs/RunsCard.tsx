import {
  EntityRunsResponse,
  RunView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Alert, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { readableError } from '../../api/readableError';
import { EntityRunsHandle } from '../../hooks/useEntityRuns';
import {
  cacheOutcomeText,
  durationText,
  shortImage,
} from '../../state/runText';
import { RelativeTime } from '../common/RelativeTime';
import {
  cell,
  headerCell,
  identifier,
  monospace,
  secondaryText,
  table,
} from '../common/styles';

function Summary(props: { runs: EntityRunsResponse }) {
  const { summary } = props.runs;
  if (summary.withCacheOutcome === 0) return null;
  const rate = Math.round((summary.hitRate ?? 0) * 100);
  return (
    <Flex direction="column" gap="1">
      <Text>
        <strong>{rate}%</strong> of the last {summary.withCacheOutcome} runs hit
        a cache ({summary.hits} of {summary.withCacheOutcome}).
      </Text>
      <Text style={secondaryText}>
        {summary.pullTimeSavedMs === null
          ? 'Pull time saved: not measured yet (needs hits and misses of the same images).'
          : `Pull time saved by hits: ${durationText(
              summary.pullTimeSavedMs,
            )}, measured against misses of the same images (${summary.comparedImages
              .map(shortImage)
              .join(', ')}).`}
      </Text>
    </Flex>
  );
}

function Failure(props: { run: RunView }) {
  const { failure } = props.run;
  if (!failure) return null;
  return (
    <Alert
      status="danger"
      icon
      title={failure.diagnosis.summary}
      description={
        <Flex direction="column" gap="1">
          <Text>Fix: {failure.diagnosis.fix}</Text>
          <Text style={{ ...secondaryText, ...monospace }}>
            {failure.reason}: {failure.message}
          </Text>
        </Flex>
      }
    />
  );
}

function pullText(run: RunView, pull: RunView['pulls'][number]): string {
  if (pull.durationMs !== null) return durationText(pull.durationMs);
  return run.failure?.image === pull.image || run.phase === 'Failed'
    ? 'failed'
    : 'pulling…';
}

function RunRow(props: { run: RunView }) {
  const { run } = props;
  return (
    <tr data-testid="run-row">
      <td style={cell}>
        <RelativeTime iso={run.startedAt} />
      </td>
      <td style={cell}>
        <span style={identifier}>{run.workflow ?? run.pod}</span>
        <div style={secondaryText}>
          {run.cluster} / {run.namespace}
        </div>
      </td>
      <td style={cell}>{cacheOutcomeText(run)}</td>
      <td style={cell}>
        {run.pulls.length === 0
          ? '—'
          : run.pulls.map(pull => (
              <div key={pull.image} title={pull.image}>
                {shortImage(pull.image)}: {pullText(run, pull)}
              </div>
            ))}
      </td>
      <td style={cell}>{run.phase}</td>
    </tr>
  );
}

/** The entity's last workflow runs on ECI: did pods start warm, how long pulls took, and why runs failed. */
export function RunsCard(props: { runs: EntityRunsHandle }) {
  const { runs, error } = props.runs;
  const failed = runs?.runs.filter(run => run.failure) ?? [];
  return (
    <Card>
      <CardHeader>
        <Text as="h2" variant="title-x-small" weight="bold">
          Recent runs
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          {error ? (
            <Alert
              status="warning"
              icon
              title="Runs could not be loaded"
              description={readableError(error)}
            />
          ) : null}
          {runs?.errors.map(clusterError => (
            <Alert
              key={clusterError.cluster}
              status="warning"
              icon
              title={`Runs on ${clusterError.cluster} may be incomplete`}
              description={clusterError.message}
            />
          ))}
          {runs && runs.runs.length === 0 ? (
            <Text style={secondaryText}>
              No runs seen yet. Pods of workflows generated here carry the label{' '}
              <code style={monospace}>
                {runs.podLabel.key}: "{runs.podLabel.value}"
              </code>
              ; add it to <code style={monospace}>spec.podMetadata.labels</code>{' '}
              of an existing workflow to see its runs.
            </Text>
          ) : null}
          {runs && runs.runs.length > 0 ? (
            <>
              <Summary runs={runs} />
              {failed.slice(0, 3).map(run => (
                <Failure
                  key={`${run.cluster}/${run.namespace}/${run.pod}`}
                  run={run}
                />
              ))}
              <table style={table} aria-label="Recent runs">
                <thead>
                  <tr>
                    <th style={headerCell}>Started</th>
                    <th style={headerCell}>Workflow</th>
                    <th style={headerCell}>Image cache</th>
                    <th style={headerCell}>Image pulls</th>
                    <th style={headerCell}>Phase</th>
                  </tr>
                </thead>
                <tbody>
                  {runs.runs.map(run => (
                    <RunRow
                      key={`${run.cluster}/${run.namespace}/${run.pod}`}
                      run={run}
                    />
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </Flex>
      </CardBody>
    </Card>
  );
}
