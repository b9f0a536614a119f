import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  buildingCache,
  entityState,
  mlTrainer,
  stateWithCaches,
} from '../../__testUtils__/fixtures';
import { ENTITY_API, renderTab } from '../../__testUtils__/renderTab';
import {
  errorResponse,
  setupTestServer,
  workflowPreview,
} from '../../__testUtils__/server';
import { mockClipboard, serveEntityState } from '../../__testUtils__/tabTest';

const server = setupTestServer();

/** Serves `ml-trainer` with a Ready cache, and records the workflow queries the panel sends. */
function recordWorkflowQueries() {
  const queries: Record<string, string>[] = [];
  serveEntityState(
    server,
    entityState(),
    http.get(`${ENTITY_API}/workflow`, ({ request }) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(query);
      if (query.kind === 'CronWorkflow') {
        return HttpResponse.json(
          workflowPreview({
            yaml: `kind: CronWorkflow\nschedules:\n  - "${query.schedule}"\n`,
          }),
        );
      }
      return HttpResponse.json(workflowPreview());
    }),
  );
  return queries;
}

describe('Workflow panel', () => {
  it('shows the generated YAML pinned to the Ready cache, with notes', async () => {
    const queries = recordWorkflowQueries();
    await renderTab(mlTrainer);
    const yaml = await screen.findByTestId('workflow-yaml');
    await waitFor(() =>
      expect(yaml).toHaveTextContent(
        'k8s.aliyun.com/eci-image-snapshot-id: "imc-2ze0abc123def456"',
      ),
    );
    expect(queries[0]).toEqual({
      kind: 'Workflow',
      cacheMode: 'pinned',
      dialect: 'legacy',
      placement: 'podMetadata',
      cluster: 'ack-hangzhou',
    });
    expect(screen.getByRole('list', { name: 'Notes' })).toHaveTextContent(
      'Pinned to the Ready cache imc-2ze0abc123def456.',
    );
  });

  it('asks again when a selector changes, with a checked schedule for CronWorkflows', async () => {
    const queries = recordWorkflowQueries();
    await renderTab(mlTrainer);
    await screen.findByTestId('workflow-yaml');

    await userEvent.click(
      screen.getByRole('radio', { name: 'Current ECI names' }),
    );
    await waitFor(() => expect(queries.at(-1)?.dialect).toBe('current'));
    await userEvent.click(
      screen.getByRole('radio', { name: 'podMetadata and every template' }),
    );
    await waitFor(() =>
      expect(queries.at(-1)?.placement).toBe('podMetadata+templates'),
    );

    await userEvent.click(screen.getByRole('radio', { name: 'CronWorkflow' }));
    await waitFor(() =>
      expect(queries.at(-1)).toMatchObject({
        kind: 'CronWorkflow',
        schedule: '0 2 * * *',
      }),
    );
    const schedule = screen.getByLabelText('Schedule');
    await userEvent.clear(schedule);
    await userEvent.type(schedule, 'every day');
    expect(
      await screen.findByText(/`Schedule`: "every day"/),
    ).toBeInTheDocument();
    const asked = queries.length;
    await userEvent.clear(schedule);
    await userEvent.type(schedule, '@hourly');
    await waitFor(() => expect(queries.at(-1)?.schedule).toBe('@hourly'));
    expect(
      queries.slice(asked).every(query => query.schedule === '@hourly'),
    ).toBe(true);
    await waitFor(() =>
      expect(screen.getByTestId('workflow-yaml')).toHaveTextContent(
        '- "@hourly"',
      ),
    );
  });

  it('explains pinned mode when no cache is Ready, with the server’s reason', async () => {
    serveEntityState(
      server,
      stateWithCaches([
        buildingCache({ progress: '30%', progressPercent: 30 }),
      ]),
      http.get(`${ENTITY_API}/workflow`, ({ request }) =>
        new URL(request.url).searchParams.get('cacheMode') === 'pinned'
          ? errorResponse(
              409,
              'ConflictError',
              'Cannot pin component:default/ml-trainer to a cache on cluster "ack-hangzhou": its cache ml-trainer-3f9a1c2b7d is Creating (30%), and only Ready caches can be pinned.',
            )
          : HttpResponse.json(
              workflowPreview({
                cacheMode: 'auto',
                cacheId: null,
                yaml: 'k8s.aliyun.com/eci-image-cache: "true"\n',
              }),
            ),
      ),
    );
    await renderTab(mlTrainer);
    // Without a Ready cache a manual service's workflow starts on automatic matching.
    expect(
      await screen.findByRole('radio', { name: 'Auto (ECI matches a cache)' }),
    ).toBeChecked();
    await waitFor(() =>
      expect(screen.getByTestId('workflow-yaml')).toHaveTextContent(
        'k8s.aliyun.com/eci-image-cache: "true"',
      ),
    );
    await userEvent.click(
      screen.getByRole('radio', { name: 'Pinned to the Ready cache' }),
    );
    expect(
      await screen.findByText(
        'No cache is Ready on ack-hangzhou yet, so there is no cache id to pin.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/only Ready caches can be pinned\. \(HTTP 409/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy YAML' })).toBeDisabled();
  });

  it('copies and downloads the YAML', async () => {
    recordWorkflowQueries();
    await renderTab(mlTrainer);
    const yaml = await screen.findByTestId('workflow-yaml');
    await waitFor(() => expect(yaml).toHaveTextContent('imc-2ze0abc123def456'));

    const writeText = mockClipboard();
    const panel = screen
      .getByText('Argo workflow for ml-trainer')
      .closest('.bui-Card')!;
    await userEvent.click(
      within(panel as HTMLElement).getByRole('button', { name: 'Copy YAML' }),
    );
    expect(writeText).toHaveBeenCalledWith(workflowPreview().yaml);

    const createObjectURL = jest.fn(() => 'blob:workflow');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: string[] = [];
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this.download);
      });
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(clicked).toEqual(['ml-trainer-workflow.yaml']);
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(await blob.text()).toBe(workflowPreview().yaml);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:workflow');
  });
});
