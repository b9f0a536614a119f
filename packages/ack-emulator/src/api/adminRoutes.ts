import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext } from './ApiContext';
import {
  ApiError,
  badRequest,
  resourceNotFound,
  methodNotAllowed,
} from './errors';
import { decodeBody, readBody, sendJson } from './http';
import { formatTimestamp } from '../util/time';
import { isPlainObject } from '../util/json';

export const ADMIN_PREFIX = '/_emulator/';

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  return text.trim() ? decodeBody(text, req.headers['content-type']) : {};
}

function invalidConfig(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : badRequest((error as Error).message);
}

/** `/_emulator/*`: faults, request counters, the simulated clock and forced compaction. */
export async function handleAdmin(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  const method = req.method ?? 'GET';
  const send = (value: unknown) => sendJson(res, 200, JSON.stringify(value));
  switch (path) {
    case '/_emulator/faults':
      if (method === 'GET') return send(ctx.faults.get());
      try {
        if (method === 'PUT') ctx.faults.set((await jsonBody(req)) as never);
        else if (method === 'PATCH' || method === 'POST')
          ctx.faults.update((await jsonBody(req)) as never);
        else if (method === 'DELETE') ctx.faults.reset();
        else throw methodNotAllowed();
      } catch (error) {
        throw invalidConfig(error);
      }
      return send(ctx.faults.get());
    case '/_emulator/stats':
      if (method === 'DELETE') ctx.stats.reset();
      else if (method !== 'GET') throw methodNotAllowed();
      return send(ctx.stats.snapshot());
    case '/_emulator/clock':
      if (method !== 'GET') throw methodNotAllowed();
      return send(clockInfo(ctx));
    case '/_emulator/clock/advance': {
      if (method !== 'POST') throw methodNotAllowed();
      const body = await jsonBody(req);
      const ms = Number(
        query.get('ms') ?? (isPlainObject(body) ? body.ms : undefined),
      );
      if (!Number.isFinite(ms) || ms < 0)
        throw badRequest('advance needs a non-negative "ms"');
      ctx.clock.advance(ms);
      return send(clockInfo(ctx));
    }
    case '/_emulator/compact':
      if (method !== 'POST') throw methodNotAllowed();
      ctx.store.compact();
      return send({
        resourceVersion: String(ctx.store.currentResourceVersion()),
      });
    default:
      throw resourceNotFound();
  }
}

function clockInfo(ctx: ApiContext) {
  const now = ctx.clock.now();
  return {
    now,
    time: formatTimestamp(now),
    scale: ctx.clock.scale,
    manual: ctx.clock.manual,
    pendingTimers: ctx.clock.pendingTimers(),
  };
}
