import {
  coreServices,
  createServiceFactory,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';

type TaskDefinition = SchedulerServiceTaskScheduleDefinition &
  SchedulerServiceTaskInvocationDefinition;

/** One run of a scheduled task, as seen by the suite. */
export interface TaskRun {
  replica: string;
  taskId: string;
  startedAt: number;
  endedAt?: number;
  error?: string;
}

function instrument(
  task: TaskDefinition,
  replica: string,
  runs: TaskRun[],
): TaskDefinition {
  return {
    ...task,
    fn: async signal => {
      const run: TaskRun = { replica, taskId: task.id, startedAt: Date.now() };
      runs.push(run);
      try {
        await task.fn(signal);
      } catch (error) {
        run.error = String(error);
        throw error;
      } finally {
        run.endedAt = Date.now();
      }
    },
  };
}

/**
 * A scheduler whose tasks run only when the test says so (`run`), and whose runs fail loudly:
 * the scenarios decide when the reconciler runs, like a scheduler with a fixed frequency would.
 */
export class ManualScheduler implements SchedulerService {
  private readonly tasks = new Map<string, TaskDefinition>();

  constructor(private readonly replica: string, readonly runs: TaskRun[]) {}

  async scheduleTask(task: TaskDefinition): Promise<void> {
    this.tasks.set(task.id, instrument(task, this.replica, this.runs));
  }

  createScheduledTaskRunner(schedule: SchedulerServiceTaskScheduleDefinition) {
    return {
      run: (task: SchedulerServiceTaskInvocationDefinition) =>
        this.scheduleTask({ ...schedule, ...task }),
    };
  }

  async getScheduledTasks() {
    return Array.from(this.tasks.values(), task => ({
      id: task.id,
      scope: task.scope ?? ('global' as const),
      settings: { version: 1 },
    }));
  }

  async triggerTask(id: string): Promise<void> {
    await this.run(id);
  }

  async cancelTask(): Promise<void> {}

  /** Runs a task to its end; rejects with its error. */
  async run(id: string): Promise<void> {
    const task = this.tasks.get(id);
    if (!task) throw new Error(`Task ${id} is not scheduled`);
    await task.fn(new AbortController().signal);
  }

  factory() {
    return createServiceFactory({
      service: coreServices.scheduler,
      deps: {},
      factory: () => this,
    });
  }
}

/**
 * Backstage's real scheduler (tasks and locks in the plugin's database), with every run of
 * every task recorded, so a test can check which replica ran what and when.
 */
export function recordingSchedulerFactory(replica: string, runs: TaskRun[]) {
  return createServiceFactory({
    service: coreServices.scheduler,
    deps: {
      database: coreServices.database,
      logger: coreServices.logger,
      rootLifecycle: coreServices.rootLifecycle,
      httpRouter: coreServices.httpRouter,
      pluginMetadata: coreServices.pluginMetadata,
      metrics: metricsServiceRef,
    },
    factory: (deps): SchedulerService => {
      const scheduler = DefaultSchedulerService.create(deps);
      return {
        triggerTask: id => scheduler.triggerTask(id),
        cancelTask: id => scheduler.cancelTask(id),
        getScheduledTasks: () => scheduler.getScheduledTasks(),
        scheduleTask: task =>
          scheduler.scheduleTask(instrument(task, replica, runs)),
        createScheduledTaskRunner: schedule => ({
          run: task =>
            scheduler.scheduleTask(
              instrument({ ...schedule, ...task }, replica, runs),
            ),
        }),
      };
    },
  });
}
