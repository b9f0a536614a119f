import {
  FleetQuery,
  FleetSortKey,
  ImageCacheOrigin,
} from '@eci-portal/plugin-eci-image-cache-common';

/** The fleet page's filter controls; a filter with a number applies only when switched on. */
export interface FleetFilters {
  expiring: boolean;
  expiringDays: number;
  failed: boolean;
  orphaned: boolean;
  unused: boolean;
  unusedDays: number;
  /** '' for every cluster. */
  cluster: string;
  /** '' for every origin. */
  origin: ImageCacheOrigin | '';
}

export interface FleetView {
  filters: FleetFilters;
  sort: FleetSortKey;
  order: 'asc' | 'desc';
  pageSize: number;
  offset: number;
}

export const FLEET_PAGE_SIZES = [10, 25, 50, 100];

export const INITIAL_FLEET_VIEW: FleetView = {
  filters: {
    expiring: false,
    expiringDays: 7,
    failed: false,
    orphaned: false,
    unused: false,
    unusedDays: 30,
    cluster: '',
    origin: '',
  },
  sort: 'cluster',
  order: 'asc',
  pageSize: 25,
  offset: 0,
};

/** The backend query of a view: only the filters switched on. */
export function fleetQueryOf(view: FleetView): FleetQuery {
  const { filters } = view;
  return {
    limit: view.pageSize,
    offset: view.offset,
    sort: view.sort,
    order: view.order,
    ...(filters.expiring ? { expiringWithinDays: filters.expiringDays } : {}),
    ...(filters.failed ? { failed: true } : {}),
    ...(filters.orphaned ? { orphaned: true } : {}),
    ...(filters.unused ? { unusedForDays: filters.unusedDays } : {}),
    ...(filters.cluster ? { cluster: filters.cluster } : {}),
    ...(filters.origin ? { origin: filters.origin } : {}),
  };
}

/** Clicking a column header: sort by it ascending, or flip the order when it is the sort already. */
export function sortedBy(view: FleetView, key: FleetSortKey): FleetView {
  const order = view.sort === key && view.order === 'asc' ? 'desc' : 'asc';
  return { ...view, sort: key, order, offset: 0 };
}

/** Any filter change starts again on the first page. */
export function filteredBy(
  view: FleetView,
  change: Partial<FleetFilters>,
): FleetView {
  return { ...view, filters: { ...view.filters, ...change }, offset: 0 };
}

export const ORIGIN_LABELS: Record<ImageCacheOrigin, string> = {
  managed: 'Managed',
  'eci-auto': 'Created by ECI',
  unmanaged: 'Unmanaged',
};

export function gibText(gib: number | null): string {
  return gib === null ? '—' : `${gib.toLocaleString('en-US')} GiB`;
}

export function costText(
  cost: number | null,
  currency: string | null | undefined,
): string {
  if (cost === null) return '—';
  const amount = cost.toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return currency ? `${amount} ${currency}` : amount;
}
