import { TaskRun } from './schedulers';

/** Pairs of runs of one task on different replicas whose time spans overlap. */
export function overlappingRuns(runs: TaskRun[], taskId: string): string[] {
  const spans = runs
    .filter(run => run.taskId === taskId)
    .map(run => ({ ...run, endedAt: run.endedAt ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.startedAt - b.startedAt);
  const overlaps: string[] = [];
  for (let i = 0; i < spans.length; i++) {
    for (
      let j = i + 1;
      j < spans.length && spans[j].startedAt < spans[i].endedAt;
      j++
    ) {
      if (spans[j].replica !== spans[i].replica) {
        overlaps.push(
          `${spans[i].replica} [${spans[i].startedAt}, ${spans[i].endedAt}) and ${spans[j].replica} [${spans[j].startedAt}, ${spans[j].endedAt})`,
        );
      }
    }
  }
  return overlaps;
}
