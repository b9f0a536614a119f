import { apiVersionOf } from '../schema/ResourceType';
import { parseFieldSelector } from '../store/fieldSelector';
import { parseLabelSelector } from '../store/labelSelector';
import { resourceKey } from '../schema/ResourceType';
import type { StoredObject, StoreEvent, WatchEventType } from '../store/types';
import type { ApiContext, ResourceRequest } from './ApiContext';
import { ApiError, badRequest } from './errors';
import { parseIncludeObject, partialObjectJson, tableJson } from './table';

// A watcher that falls this far behind is cut off instead of buffering without bound.
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const DEFAULT_TIMEOUT_SECONDS = 30 * 60;

// Each event's JSON watch line is encoded once; sockets share the Buffer instead of copying a string each.
const lineCache = new WeakMap<StoreEvent, Buffer>();

function jsonLine(
  type: WatchEventType,
  stored: StoredObject,
  event?: StoreEvent,
): Buffer | string {
  if (event && event.type === type) {
    let line = lineCache.get(event);
    if (!line) {
      line = Buffer.from(`{"type":"${type}","object":${stored.json}}\n`);
      lineCache.set(event, line);
    }
    return line;
  }
  return `{"type":"${type}","object":${stored.json}}\n`;
}

/** Streams newline-delimited watch events for one resource, like the apiserver's watch endpoint. */
export function handleWatch(ctx: ApiContext, request: ResourceRequest): void {
  const { type, query, res, req } = request;
  const labelSelector = parseLabelSelector(query.get('labelSelector'));
  const fieldSelector = parseFieldSelector(
    query.get('fieldSelector'),
    type.selectableFields,
  );
  const namespace = type.namespaced ? request.namespace : undefined;
  const name = request.name ?? fieldSelector.name;
  const visible = (stored: StoredObject) =>
    (!namespace || stored.namespace === namespace) &&
    (name === undefined || stored.name === name) &&
    (labelSelector.empty || labelSelector.matches(stored.labels)) &&
    fieldSelector.matchesMeta(stored.namespace, stored.name) &&
    (!fieldSelector.needsObject || fieldSelector.matches(stored.object));

  const allowBookmarks = query.get('allowWatchBookmarks') === 'true';
  const sendInitialEvents = query.get('sendInitialEvents') === 'true';
  const rvParam = query.get('resourceVersion') ?? '';
  const timeoutParam = query.get('timeoutSeconds');
  const timeoutSeconds = timeoutParam
    ? Number(timeoutParam)
    : DEFAULT_TIMEOUT_SECONDS;
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 0)
    throw badRequest(`invalid timeoutSeconds: ${timeoutParam}`);
  let fromRv: number | undefined;
  if (rvParam !== '' && rvParam !== '0') {
    fromRv = Number(rvParam);
    if (!Number.isInteger(fromRv) || fromRv < 0)
      throw badRequest(`invalid resource version: ${rvParam}`);
  }
  if (
    sendInitialEvents &&
    fromRv !== undefined &&
    query.get('resourceVersionMatch') !== 'NotOlderThan'
  ) {
    throw badRequest(
      'sendInitialEvents is forbidden for watch unless resourceVersionMatch is set to NotOlderThan',
    );
  }

  const format = request.format;
  const includeObject = parseIncludeObject(query.get('includeObject'));
  let tableColumnsSent = false;
  const render = (
    eventType: WatchEventType,
    stored: StoredObject,
    event?: StoreEvent,
  ): Buffer | string => {
    if (format.kind === 'table') {
      const table = tableJson(type, [stored], {
        version: format.version,
        includeObject,
        now: ctx.clock.now(),
        resourceVersion: stored.object.metadata.resourceVersion,
        omitColumns: tableColumnsSent,
      });
      tableColumnsSent = true;
      return `{"type":"${eventType}","object":${table}}\n`;
    }
    if (format.kind === 'partial')
      return `{"type":"${eventType}","object":${partialObjectJson(
        stored,
        format.version,
      )}}\n`;
    return jsonLine(eventType, stored, event);
  };

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();

  let closed = false;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  let unsubscribe: () => void = () => undefined;
  let untrack: () => void = () => undefined;
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    untrack();
    for (const timer of timers) clearTimeout(timer);
    ctx.stats.activeWatches--;
    res.end();
  };
  ctx.stats.activeWatches++;
  untrack = ctx.watches.add(close);
  req.on('close', close);
  res.on('close', close);

  const write = (line: Buffer | string) => {
    if (closed) return;
    ctx.stats.watchEvent();
    res.write(line);
    if (res.writableLength > MAX_BUFFERED_BYTES) close();
  };
  const bookmark = (extra = '') =>
    `{"type":"BOOKMARK","object":{"kind":"${
      type.kind
    }","apiVersion":"${apiVersionOf(
      type,
    )}","metadata":{"resourceVersion":"${ctx.store.currentResourceVersion()}"${extra}}}}\n`;

  const deliver = (event: StoreEvent) => {
    const now = visible(event.current);
    if (event.type === 'ADDED') {
      if (now) write(render('ADDED', event.current, event));
    } else if (event.type === 'DELETED') {
      if (now || (event.previous && visible(event.previous)))
        write(render('DELETED', event.current, event));
    } else {
      const before = event.previous ? visible(event.previous) : false;
      if (now && before) write(render('MODIFIED', event.current, event));
      else if (now) write(render('ADDED', event.current));
      else if (before) write(render('DELETED', event.current));
    }
  };

  // Replay and subscription happen in one synchronous step, so no change slips between them.
  try {
    if (fromRv === undefined || sendInitialEvents) {
      for (const stored of ctx.store.list(type, { namespace }).items) {
        if (visible(stored)) write(render('ADDED', stored));
      }
      if (sendInitialEvents && allowBookmarks)
        write(bookmark(',"annotations":{"k8s.io/initial-events-end":"true"}'));
    } else {
      for (const event of ctx.store.eventsSince(type, fromRv)) deliver(event);
    }
  } catch (error) {
    if (error instanceof ApiError && error.code === 410) {
      write(`{"type":"ERROR","object":${JSON.stringify(error.toStatus())}}\n`);
      close();
      return;
    }
    close();
    throw error;
  }
  const typeKey = resourceKey(type.group, type.resource);
  unsubscribe = ctx.store.subscribe(event => {
    if (event.typeKey === typeKey) deliver(event);
  });

  later(timeoutSeconds * 1000, close);
  if (allowBookmarks) {
    const every = () => {
      write(bookmark());
      later(ctx.bookmarkIntervalMs, every);
    };
    later(ctx.bookmarkIntervalMs, every);
  }
}
