import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { eciImageCacheApiRef } from '../api/EciImageCacheApi';
import { EciImageCacheClient } from '../api/EciImageCacheClient';
import { EciImageCacheContent } from '../components/EciImageCacheContent';

/** Where msw answers the backend plugin in tests. */
export const API = 'http://example.com/api/eci-image-cache';
export const ENTITY_API = `${API}/entities/component/default/ml-trainer`;

/** The real client and the APIs it needs, answered by msw at {@link API}. */
export function clientApis() {
  const discoveryApi = mockApis.discovery();
  const fetchApi = mockApis.fetch();
  return [
    discoveryApi,
    fetchApi,
    [eciImageCacheApiRef, new EciImageCacheClient({ discoveryApi, fetchApi })],
  ] as const;
}

/**
 * Renders the tab for an entity with the real client against msw, and a permission backend that
 * allows everything unless `denied` names permissions.
 */
export function renderTab(entity: Entity, options: { denied?: string[] } = {}) {
  const denied = new Set(options.denied ?? []);
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EciImageCacheContent />
    </EntityProvider>,
    {
      apis: [
        ...clientApis(),
        mockApis.permission({
          authorize: (request: EvaluatePermissionRequest) =>
            denied.has(request.permission.name)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      ],
    },
  );
}
