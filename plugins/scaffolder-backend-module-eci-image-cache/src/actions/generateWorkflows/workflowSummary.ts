import { RenderedWorkflow } from './renderWorkflow';

/** How many files the summary shows in full; the rest are listed. */
const FILES_SHOWN_IN_FULL = 3;

function describe(workflow: RenderedWorkflow, path: string): string {
  const { plan } = workflow;
  const parts = [plan.entityRef ?? 'inline service'];
  if (plan.cluster) {
    parts.push(`cluster ${plan.cluster}`);
  }
  parts.push(
    plan.options.cacheMode === 'pinned'
      ? `pinned to ${plan.options.imageCacheId}`
      : `cache mode ${plan.options.cacheMode}`,
  );
  return `- \`${path}\`: ${parts.join(', ')}`;
}

/** A code fence longer than any backtick run in the text, so that the text cannot end it. */
function fenced(text: string, language: string): string[] {
  const longestRun = Math.max(
    0,
    ...(text.match(/`+/g) ?? []).map(run => run.length),
  );
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [`${fence}${language}`, text, fence];
}

/** Markdown for the template's output page: the list of files and the first ones in full. */
export function workflowSummary(
  workflows: readonly RenderedWorkflow[],
  paths: readonly string[],
): string {
  const lines = [
    `Generated ${workflows.length} Argo ${
      workflows.length === 1 ? 'workflow' : 'workflows'
    }:`,
    '',
    ...workflows.map((workflow, index) => describe(workflow, paths[index])),
  ];
  workflows.slice(0, FILES_SHOWN_IN_FULL).forEach((workflow, index) => {
    lines.push(
      '',
      `**${paths[index]}**`,
      '',
      ...fenced(workflow.yaml.trimEnd(), 'yaml'),
    );
  });
  return `${lines.join('\n')}\n`;
}
