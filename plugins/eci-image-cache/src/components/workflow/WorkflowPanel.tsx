import { CodeSnippet } from '@backstage/core-components';
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
import { readableError } from '../../api/readableError';
import { WorkflowPreviewHandle } from '../../hooks/useWorkflowPreview';
import { uniqueMessages } from '../../state/messageText';
import { CopyButton } from '../common/CopyButton';
import { Message } from '../common/Message';
import { plainList } from '../common/styles';
import { downloadText } from './downloadText';
import { WorkflowChoices } from './WorkflowChoices';

/**
 * The Argo workflow the backend generates for this service, with the cache and ACR annotations
 * in place: rendered from the tab's data (`useEntityTabData`), so the YAML, Copy and Download
 * always show the same state as the rest of the tab.
 */
export function WorkflowPanel(props: {
  name: string;
  workflow: WorkflowPreviewHandle;
  /** Notes the tab already shows elsewhere, left out here. */
  isShownElsewhere?: (note: string) => boolean;
}) {
  const { name, workflow, isShownElsewhere } = props;
  const {
    selection,
    choose,
    schedule,
    setSchedule,
    scheduleErrors,
    cluster,
    readyCacheId,
    preview,
    error,
    loading,
  } = workflow;
  const { kind, cacheMode } = selection;
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
          <WorkflowChoices selection={selection} onChange={choose} />
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
