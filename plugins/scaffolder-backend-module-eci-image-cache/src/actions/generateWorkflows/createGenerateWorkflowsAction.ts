import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { JsonValue } from '@backstage/types';
import { parseInputWithoutNulls } from '../../validation/parseInput';
import { zodObject } from '../../validation/zodObject';
import { writeFiles } from '../../workspace/writeFiles';
import { generateWorkflowsExamples } from './generateWorkflowsExamples';
import {
  generateWorkflowsInput,
  generateWorkflowsOutput,
} from './generateWorkflowsSchema';
import { planServices, WorkflowBackend } from './planServices';
import { renderWorkflow } from './renderWorkflow';
import { toServiceRequests } from './serviceRequests';
import {
  checkTargetPathPattern,
  DEFAULT_TARGET_PATH,
  targetPathFor,
} from './targetPathPattern';
import { checkDistinctPaths, workflowOutputs } from './workflowOutputs';
import { WorkflowPlan } from './workflowPlan';

const inputSchema = zodObject(generateWorkflowsInput);
/** Warnings logged one by one; the rest are counted. */
const MAX_LOGGED_WARNINGS = 20;

/**
 * `eci:workflow:generate`: writes one annotated Argo workflow per service into the workspace.
 *
 * @public
 */
export function createGenerateWorkflowsAction(options: {
  eciImageCache: WorkflowBackend;
}) {
  return createTemplateAction({
    id: 'eci:workflow:generate',
    description:
      'Generates Argo Workflows annotated for ECI image caches and ACR password-free pulls, one YAML file per service (catalog entity or inline).',
    examples: generateWorkflowsExamples,
    supportsDryRun: true,
    schema: { input: generateWorkflowsInput, output: generateWorkflowsOutput },
    async handler(ctx) {
      const started = Date.now();
      const input = parseInputWithoutNulls(inputSchema, ctx.input);
      const requests = toServiceRequests(input.services);
      const pattern = input.targetPath ?? DEFAULT_TARGET_PATH;
      checkTargetPathPattern(pattern, requests.length);
      const credentials = await ctx.getInitiatorCredentials();

      // A recovered task replays the same plans (same pinned cache ids), keeping the files identical.
      const plans = (await ctx.checkpoint({
        key: 'eci-workflow-plans',
        fn: async () =>
          (await planServices({
            requests,
            cacheMode: input.cacheMode ?? 'entity',
            cluster: input.cluster,
            backend: options.eciImageCache,
            credentials,
          })) as unknown as JsonValue,
      })) as unknown as WorkflowPlan[];

      const shared = {
        kind: input.kind,
        schedule: input.schedule,
        timezone: input.timezone,
        dialect: input.dialect,
        placement: input.placement,
      };
      const rendered = plans.map(plan => renderWorkflow(plan, shared));
      const paths = rendered.map(workflow =>
        targetPathFor(pattern, workflow.plan.serviceName),
      );
      checkDistinctPaths(rendered, paths);

      await writeFiles(
        ctx.workspacePath,
        rendered.map((workflow, index) => ({
          path: paths[index],
          content: workflow.yaml,
          field: 'targetPath',
        })),
      );

      const messages = rendered.flatMap(workflow => [
        ...workflow.plan.notes,
        ...workflow.warnings,
      ]);
      for (const message of messages.slice(0, MAX_LOGGED_WARNINGS)) {
        ctx.logger.warn(message);
      }
      if (messages.length > MAX_LOGGED_WARNINGS) {
        ctx.logger.warn(
          `… and ${messages.length - MAX_LOGGED_WARNINGS} more warnings`,
        );
      }
      const outputs = workflowOutputs(rendered, paths);
      const pinned = outputs.workflows.filter(item => item.imageCacheId).length;
      ctx.logger.info(
        `Generated ${
          rendered.length
        } workflows (${pinned} pinned to a cache) in ${
          Date.now() - started
        } ms${ctx.isDryRun ? ' (dry run)' : ''}`,
      );

      ctx.output('files', outputs.files);
      ctx.output('imageCacheIds', outputs.imageCacheIds);
      ctx.output('acrAnnotationValues', outputs.acrAnnotationValues);
      ctx.output('workflows', outputs.workflows);
      ctx.output('markdown', outputs.markdown);
    },
  });
}
