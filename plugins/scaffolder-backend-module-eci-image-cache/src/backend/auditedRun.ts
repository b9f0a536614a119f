import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';

/** At most this many characters of an input value go into an audit event. */
const MAX_META_VALUE_LENGTH = 256;

/** What of an action context an audit event needs. */
interface AuditedContext {
  input: unknown;
  isDryRun?: boolean;
  task: { id: string };
  step?: { id?: string };
  getInitiatorCredentials(): Promise<BackstageCredentials>;
}

function initiatorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return (
    principal.userEntityRef ?? principal.subject ?? principal.type ?? 'none'
  );
}

/**
 * Runs an action that changes an entity's caches or settings as one audit event, closed with
 * success or with the error: refusals (unauthenticated initiator, missing permission) and bad
 * input are recorded like the backend plugin records refused API calls.
 */
export async function auditedRun(
  auditor: AuditorService | undefined,
  eventId: string,
  ctx: AuditedContext,
  run: () => Promise<void>,
): Promise<void> {
  if (!auditor) {
    await run();
    return;
  }
  const entityRef = (ctx.input as { entityRef?: unknown } | undefined)
    ?.entityRef;
  const event = await auditor.createEvent({
    eventId,
    severityLevel: ctx.isDryRun ? 'low' : 'medium',
    meta: {
      taskId: ctx.task.id,
      ...(ctx.step?.id ? { stepId: ctx.step.id } : {}),
      dryRun: Boolean(ctx.isDryRun),
      initiator: initiatorOf(await ctx.getInitiatorCredentials()),
      ...(typeof entityRef === 'string'
        ? { entityRef: entityRef.slice(0, MAX_META_VALUE_LENGTH) }
        : {}),
    },
  });
  try {
    await run();
  } catch (error) {
    await event.fail({ error: toError(error) });
    throw error;
  }
  await event.success();
}
