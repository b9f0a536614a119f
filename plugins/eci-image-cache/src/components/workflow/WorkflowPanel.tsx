import { CompoundEntityRef } from '@backstage/catalog-model';
import { CodeSnippet } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  validateCronSchedule,
  WorkflowCacheMode,
  WorkflowPreviewResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Text,
  TextField,
} from '@backstage/ui';
import { RiDownloadLine } from '@remixicon/react';
import { useEffect, useState } from 'react';
import { eciImageCacheApiRef } from '../../api/EciImageCacheApi';
import { readableError } from '../../api/readableError';
import { uniqueMessages } from '../../state/messageText';
import { CopyButton } from '../common/CopyButton';
import { Message } from '../common/Message';
import { plainList } from '../common/styles';
import { downloadText } from './downloadText';
import { WorkflowChoices } from './WorkflowChoices';
import { WorkflowSelection } from './workflowChoices';

const DEFAULT_SCHEDULE = '0 2 * * *';

/**
 * The Argo workflow the backend generates for this service, with the cache and ACR annotations
 * in place. Reloads when a choice changes or the Ready cache changes.
 */
export function WorkflowPanel(props: {
  entity: CompoundEntityRef;
  cluster: string;
  /** The mode common's cache decision gives the entity when the user has not chosen one. */
  defaultCacheMode: WorkflowCacheMode;
  /** The cache a pinned workflow uses (common's pin rule); absent when none may be pinned. */
  readyCacheId?: string;
  /**
   * Changes whenever the entity state the YAML depends on changes (settings, ACR, caches), so
   * the YAML, Copy and Download never lag behind the rest of the tab.
   */
  revision: string;
  /** Notes the tab already shows elsewhere, left out here. */
  isShownElsewhere?: (note: string) => boolean;
}) {
  const {
    entity,
    cluster,
    defaultCacheMode,
    readyCacheId,
    revision,
    isShownElsewhere,
  } = props;
  const api = useApi(eciImageCacheApiRef);
  // The cache mode follows the service's mode (and a cache becoming Ready) until the user picks one.
  const [chosen, setChosen] = useState<Partial<WorkflowSelection>>({});
  const selection: WorkflowSelection = {
    kind: chosen.kind ?? 'Workflow',
    cacheMode: chosen.cacheMode ?? defaultCacheMode,
    dialect: chosen.dialect ?? 'legacy',
    placement: chosen.placement ?? 'podMetadata',
  };
  const { kind, cacheMode, dialect, placement } = selection;
  const [schedule, setSchedule] = useState(DEFAULT_SCHEDULE);
  const [preview, setPreview] = useState<WorkflowPreviewResponse>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);

  const scheduleCheck = validateCronSchedule(schedule.trim(), 'Schedule');
  const scheduleErrors = scheduleCheck.ok
    ? null
    : scheduleCheck.problems.map(problem => problem.message);
  const querySchedule =
    kind === 'CronWorkflow' && scheduleCheck.ok
      ? scheduleCheck.value
      : undefined;
  const { kind: entityKind, namespace, name } = entity;

  useEffect(() => {
    if (kind === 'CronWorkflow' && !querySchedule) {
      return undefined;
    }
    let active = true;
    setLoading(true);
    api
      .getWorkflow(
        { kind: entityKind, namespace, name },
        {
          kind,
          cacheMode,
          dialect,
          placement,
          cluster,
          schedule: querySchedule,
        },
      )
      .then(
        value => {
          if (active) {
            setPreview(value);
            setError(undefined);
          }
        },
        e => active && setError(e),
      )
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [
    api,
    entityKind,
    namespace,
    name,
    kind,
    cacheMode,
    dialect,
    placement,
    cluster,
    querySchedule,
    readyCacheId,
    revision,
  ]);

  // While a newer YAML loads, the shown one may be outdated: it is dimmed and cannot be copied.
  const yaml = error ? undefined : preview?.yaml;
  const currentYaml = loading ? undefined : yaml;
  const notes = uniqueMessages(
    (preview?.notes ?? []).filter(note => !isShownElsewhere?.(note)),
  );
  const pinnedWithoutCache = cacheMode === 'pinned' && !readyCacheId;
  return (
    <Card>
      <CardHeader>
        <Flex justify="between" align="center" style={{ flexWrap: 'wrap' }}>
          <Text as="h2" variant="title-x-small" weight="bold">
            Argo workflow for {name}
          </Text>
          <Flex gap="2">
            <CopyButton
              text={currentYaml ?? ''}
              label="Copy YAML"
              isDisabled={!currentYaml}
            />
            <Button
              size="small"
              variant="secondary"
              iconStart={<RiDownloadLine />}
              isDisabled={!currentYaml}
              onPress={() =>
                currentYaml &&
                downloadText(
                  currentYaml,
                  `${name}-${kind.toLocaleLowerCase('en-US')}.yaml`,
                  'application/yaml',
                )
              }
            >
              Download
            </Button>
          </Flex>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          <WorkflowChoices
            selection={selection}
            onChange={change =>
              setChosen(current => ({ ...current, ...change }))
            }
          />
          {kind === 'CronWorkflow' ? (
            <TextField
              label="Schedule"
              description="Cron, e.g. 0 2 * * * (daily at 02:00)"
              value={schedule}
              onChange={setSchedule}
              validate={() => scheduleErrors}
              validationBehavior="aria"
            />
          ) : null}
          {pinnedWithoutCache ? (
            <Alert
              status="info"
              icon
              title={`No cache is Ready on ${cluster} yet, so there is no cache id to pin.`}
              description={
                error
                  ? readableError(error)
                  : 'Create a cache and wait until it is Ready, or use auto mode until then: ECI then matches a cache by exact name:tag.'
              }
            />
          ) : null}
          {error && !pinnedWithoutCache ? (
            <Alert
              status="danger"
              icon
              title="The workflow could not be generated"
              description={readableError(error)}
            />
          ) : null}
          {preview && !error && notes.length > 0 ? (
            <ul style={plainList} aria-label="Notes">
              {notes.map(note => (
                <li key={note}>
                  <Text variant="body-small" color="secondary">
                    <Message text={note} />
                  </Text>
                </li>
              ))}
            </ul>
          ) : null}
          <div
            aria-busy={loading}
            data-testid="workflow-yaml"
            style={{ minHeight: 240, opacity: loading && yaml ? 0.6 : 1 }}
          >
            {yaml ? (
              <CodeSnippet text={yaml} language="yaml" showLineNumbers />
            ) : null}
          </div>
        </Flex>
      </CardBody>
    </Card>
  );
}
