import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  EciImageCacheClient,
  eciImageCacheServiceRef,
} from '@eci-portal/plugin-eci-image-cache-node';

/**
 * Jest runs tests in their own VM context, but Node's `fetch` belongs to the main one, so JSON it
 * parses has a foreign `Array.prototype` — and the scaffolder's template engine refuses such
 * arrays ("Template arrays cannot use a custom prototype"). Parsing the body text in the test's
 * context avoids this test-only problem; a real backend has a single context.
 */
const sameRealmFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const text = await response.text();
  return new Proxy(response, {
    get(target, property) {
      if (property === 'json') {
        return async () => JSON.parse(text);
      }
      if (property === 'text') {
        return async () => text;
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};

/** The real HTTP client of the ECI image cache service, with {@link sameRealmFetch}. */
export const sameRealmEciImageCacheClientFactory = createServiceFactory({
  service: eciImageCacheServiceRef,
  deps: { discovery: coreServices.discovery, auth: coreServices.auth },
  factory: ({ discovery, auth }) =>
    new EciImageCacheClient({ discovery, auth, fetch: sameRealmFetch }),
});
