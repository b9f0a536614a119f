import { AuditorServiceCreateEventOptions } from '@backstage/backend-plugin-api';
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
