import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { JsonObject, JsonValue } from '@backstage/types';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a test reads back from a mock context. */
export interface MockActionContext extends ActionContext<any, any> {
  /** Values passed to `ctx.output`, by name. */
  outputs: Record<string, JsonValue>;
  /** Keys of the checkpoints that ran their function. */
  checkpointsRun: string[];
  /** The logger, a mock whose calls can be inspected. */
  logger: ReturnType<typeof mockServices.logger.mock>;
}

/**
 * A local equivalent of `createMockActionContext` from
 * `@backstage/plugin-scaffolder-node-test-utils` (not installed: it pulls in a second
 * scaffolder-node copy). Each context gets a fresh workspace in a temp dir.
 *
 * `checkpointState` emulates task recovery: pass the same object to two contexts and the second
 * one returns the values stored by the first instead of running the checkpoint functions again.
 */
export function createMockActionContext(options: {
  /** Action input; deliberately untyped, so that tests can pass invalid input. */
  input: JsonObject;
  workspacePath?: string;
  isDryRun?: boolean;
  checkpointState?: Map<string, JsonValue>;
  credentials?: BackstageCredentials;
  signal?: AbortSignal;
}): MockActionContext {
  const workspacePath =
    options.workspacePath ??
    fs.mkdtempSync(path.join(os.tmpdir(), 'eci-scaffolder-test-'));
  const outputs: Record<string, JsonValue> = {};
  const checkpointsRun: string[] = [];
  const checkpointState = options.checkpointState ?? new Map();
  const credentials = options.credentials ?? mockCredentials.user();
  return {
    input: options.input,
    workspacePath,
    isDryRun: options.isDryRun,
    logger: mockServices.logger.mock(),
    secrets: {},
    task: { id: 'task-1' },
    step: { id: 'step-1', name: 'Step 1' },
    signal: options.signal,
    outputs,
    checkpointsRun,
    output(name: string | number | symbol, value: JsonValue) {
      outputs[String(name)] = value;
    },
    async checkpoint<T extends JsonValue | void>(opts: {
      key: string;
      fn: () => Promise<T> | T;
    }): Promise<T> {
      if (checkpointState.has(opts.key)) {
        return checkpointState.get(opts.key) as T;
      }
      checkpointsRun.push(opts.key);
      const value = await opts.fn();
      // Stored as JSON, like the scaffolder's task state.
      checkpointState.set(
        opts.key,
        JSON.parse(JSON.stringify(value ?? {})) as JsonValue,
      );
      return value;
    },
    async createTemporaryDirectory() {
      return fs.mkdtempSync(`${workspacePath}_tmp-`);
    },
    async getInitiatorCredentials() {
      return credentials;
    },
  } as MockActionContext;
}
