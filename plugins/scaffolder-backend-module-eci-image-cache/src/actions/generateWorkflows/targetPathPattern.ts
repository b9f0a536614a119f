import { InputError } from '@backstage/errors';

/** Default `targetPath`: one file per service under `workflows/`. */
export const DEFAULT_TARGET_PATH = 'workflows/{service}.yaml';
const SERVICE_PLACEHOLDER = '{service}';

/**
 * Checks a target path pattern before any service is resolved: only the `{service}` placeholder,
 * a `.yaml`/`.yml` file, and `{service}` present when several services would share the path.
 */
export function checkTargetPathPattern(
  pattern: string,
  serviceCount: number,
): void {
  const fail = (text: string) =>
    new InputError(`\`targetPath\`: ${JSON.stringify(pattern)} ${text}`);
  const placeholders = pattern.match(/\{[^}]*\}/g) ?? [];
  const unknown = placeholders.filter(token => token !== SERVICE_PLACEHOLDER);
  if (unknown.length > 0 || /[{}]/.test(pattern.replace(/\{service\}/g, ''))) {
    throw fail(
      `may only use the placeholder ${SERVICE_PLACEHOLDER}${
        unknown.length > 0 ? ` (found ${unknown.join(', ')})` : ''
      }`,
    );
  }
  if (!/\.ya?ml$/.test(pattern)) {
    throw fail('must name a .yaml or .yml file');
  }
  if (serviceCount > 1 && !pattern.includes(SERVICE_PLACEHOLDER)) {
    throw fail(
      `must contain ${SERVICE_PLACEHOLDER} when ${serviceCount} services are generated, or they would overwrite each other`,
    );
  }
}

/** The path of one service's file; the service name is a DNS label, so it adds no path syntax. */
export function targetPathFor(pattern: string, serviceName: string): string {
  return pattern.split(SERVICE_PLACEHOLDER).join(serviceName);
}
