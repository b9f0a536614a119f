import {
  AuditorServiceCreateEventOptions,
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';

/** One audit event the plugin created, with how it ended. */
export interface AuditRecord {
  eventId: string;
  method?: string;
  path?: string;
  meta?: JsonObject;
  outcome?: 'success' | 'fail';
  /** `name: message` of the error of a failed event. */
  error?: string;
}

/** An auditor service that keeps every event in `records`. */
export function recordingAuditor(records: AuditRecord[]) {
  return mockServices.auditor.mock({
    createEvent: async (event: AuditorServiceCreateEventOptions) => {
      const record: AuditRecord = {
        eventId: event.eventId,
        method: event.request?.method,
        path: event.request?.originalUrl,
        meta: event.meta,
      };
      records.push(record);
      return {
        success: async () => {
          record.outcome = 'success';
        },
        fail: async ({ error }: { error: Error }) => {
          record.outcome = 'fail';
          record.error = `${error.name}: ${error.message}`;
        },
      };
    },
  });
}

/** An audit event as Backstage's own auditor logs it: who (as it resolved them), what, how it ended. */
export interface FrameworkAuditEvent {
  eventId: string;
  status: 'initiated' | 'succeeded' | 'failed';
  actor: { actorId?: string; ip?: string; userAgent?: string };
  request?: { method: string; url: string };
  meta?: JsonObject;
  error?: string;
}

/**
 * The logger service under Backstage's real auditor (`mockServices.auditor.factory()`): it keeps
 * every audit event the auditor writes, with the actor it resolved from the request.
 */
export function auditLogCapturingLogger(events: FrameworkAuditEvent[]) {
  const logger = (fields: JsonObject): LoggerService => {
    const write = (message: string, meta?: unknown) => {
      const all = {
        ...fields,
        ...(meta instanceof Error
          ? { error: `${meta.name}: ${meta.message}` }
          : (meta as JsonObject)),
      } as JsonObject & Record<string, unknown>;
      if (all.isAuditEvent) {
        events.push({
          eventId: String(all.eventId),
          status: all.status as FrameworkAuditEvent['status'],
          actor: (all.actor ?? {}) as FrameworkAuditEvent['actor'],
          request: all.request as FrameworkAuditEvent['request'],
          meta: all.meta as JsonObject | undefined,
          error: all.error as string | undefined,
        });
      }
      return message;
    };
    return {
      error: write,
      warn: write,
      info: write,
      debug: write,
      child: meta => logger({ ...fields, ...meta }),
    };
  };
  return createServiceFactory({
    service: coreServices.logger,
    deps: {},
    factory: () => logger({}),
  });
}
