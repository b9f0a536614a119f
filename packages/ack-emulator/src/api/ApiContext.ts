import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authorizer } from '../auth/authorizer';
import type { ApiUser } from '../auth/tokenFile';
import type { Clock } from '../clock/Clock';
import type { FaultInjector } from '../faults/FaultInjector';
import type { ResourceRegistry } from '../schema/ResourceRegistry';
import type { ResourceType } from '../schema/ResourceType';
import type { RequestStats } from '../stats/RequestStats';
import type { ObjectStore } from '../store/ObjectStore';
import type { ResponseFormat } from './mediaTypes';
import type { WatchHub } from './WatchHub';

/** Shared services every request handler uses. */
export interface ApiContext {
  store: ObjectStore;
  registry: ResourceRegistry;
  clock: Clock;
  authorizer: Authorizer;
  faults: FaultInjector;
  stats: RequestStats;
  watches: WatchHub;
  /** Interval of BOOKMARK events on watches that allow them. */
  bookmarkIntervalMs: number;
}

/** One authenticated, authorized request against a served resource. */
export interface ResourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  type: ResourceType;
  user: ApiUser;
  verb: string;
  namespace?: string;
  name?: string;
  subresource?: 'status';
  format: ResponseFormat;
}
