import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  FleetCachesResponse,
  FleetCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { API, clientApis } from '../../__testUtils__/renderTab';
import { errorResponse, setupTestServer } from '../../__testUtils__/server';
import { FleetContent } from './FleetContent';

const server = setupTestServer();

function cache(overrides: Partial<FleetCacheView>): FleetCacheView {
  return {
    cluster: 'ack-hangzhou',
    name: 'web-imc',
    imageCacheId: 'imc-web',
    origin: 'managed',
    ownerEntityRef: 'component:default/web',
    ownerInCatalog: true,
    phase: 'Ready',
    imageCacheSize: 20,
    images: ['docker.io/library/nginx:1.25.3'],
    expireDateTime: '2099-01-01T00:00:00Z',
    daysLeft: 9000,
    creationTimestamp: '2026-01-01T00:00:00Z',
    lastHitAt: null,
    monthlyCost: 10,
    ...overrides,
  };
}

function page(
  items: FleetCacheView[],
  overrides: Partial<FleetCachesResponse> = {},
): FleetCachesResponse {
  return {
    items,
    total: items.length,
    offset: 0,
    limit: 25,
    nextOffset: null,
    totals: [
      {
        cluster: 'ack-hangzhou',
        count: items.length,
        sizeGiB: 20,
        monthlyCost: 10,
      },
    ],
    pricing: { pricePerGiBMonth: 0.5, currency: 'CNY' },
    errors: [],
    ...overrides,
  };
}

/** Answers the fleet route and records each query it was asked. */
function serve(answer: (query: URLSearchParams) => Response) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(`${API}/clusters`, () =>
      HttpResponse.json({ items: [{ name: 'ack-hangzhou' }] }),
    ),
    http.get(`${API}/fleet/caches`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      return answer(query);
    }),
  );
  return queries;
}

function renderFleet() {
  return renderInTestApp(<FleetContent />, {
    apis: [...clientApis()],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('FleetContent', () => {
  it('shows the caches with totals, cost, and the owner linked to its Image Cache tab', async () => {
    serve(() =>
      HttpResponse.json(
        page([
          cache({}),
          cache({
            name: 'auto-create-for-eci-x',
            origin: 'eci-auto',
            ownerEntityRef: null,
            ownerInCatalog: null,
          }),
        ]),
      ),
    );
    await renderFleet();
    const table = await screen.findByRole('table', { name: 'Image caches' });
    expect(within(table).getByText('Created by ECI')).toBeInTheDocument();
    expect(
      within(table).getByRole('link', { name: 'component:default/web' }),
    ).toHaveAttribute('href', '/catalog/default/component/web/image-cache');
    expect(within(table).getAllByText('10.00 CNY')).toHaveLength(2);
    const totals = screen.getByRole('table', { name: 'Totals per cluster' });
    expect(within(totals).getByText('20 GiB')).toBeInTheDocument();
    expect(screen.getByText('Rows 1–2 of 2')).toBeInTheDocument();
  });

  it('has no cost column without a configured price', async () => {
    serve(() =>
      HttpResponse.json(
        page([cache({ monthlyCost: null })], { pricing: null }),
      ),
    );
    await renderFleet();
    await screen.findByRole('table', { name: 'Image caches' });
    expect(screen.queryByText('Est. monthly cost')).not.toBeInTheDocument();
  });

  it('asks the server for filters, sorting and the next page', async () => {
    const queries = serve(query =>
      HttpResponse.json(
        page([cache({})], {
          total: 30,
          offset: Number(query.get('offset')),
          nextOffset: query.get('offset') === '0' ? 25 : null,
        }),
      ),
    );
    await renderFleet();
    await screen.findByText('Rows 1–1 of 30');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Failed' }));
    await waitFor(() => expect(queries.at(-1)?.get('failed')).toBe('true'));
    await userEvent.click(screen.getByRole('button', { name: 'Size' }));
    await waitFor(() => expect(queries.at(-1)?.get('sort')).toBe('size'));
    await userEvent.click(screen.getByRole('button', { name: /Next page/ }));
    await waitFor(() => expect(queries.at(-1)?.get('offset')).toBe('25'));
    expect(queries.at(-1)?.get('failed')).toBe('true');
    expect(queries.at(-1)?.get('limit')).toBe('25');
  });

  it('shows the server message when the fleet cannot be loaded', async () => {
    serve(() =>
      errorResponse(
        403,
        'NotAllowedError',
        'user:default/x may not view the image cache fleet',
      ),
    );
    await renderFleet();
    expect(
      await screen.findByText('The fleet could not be loaded'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/may not view the image cache fleet/),
    ).toBeInTheDocument();
  });
});
