import type { KubeObject } from '../store/types';
import { isPlainObject } from '../util/json';
import { parseAcrInstanceRefs } from './annotations';
import { normalizeImage, parseImageRef } from './imageRef';
import type { RegistryImage, SimulatedRegistry } from './SimulatedRegistry';

/** What an image pull may use: password-free ACR access and/or pull secrets. */
export interface PullCredentials {
  /** Value of `acr-instance-ids`/`acr-instance-id` (`[region:]cri-xxx`, comma-separated). */
  acrInstances?: string;
  /** Secrets that exist in the emulator, already resolved by the caller. */
  secrets: KubeObject[];
}

export type PullDecision =
  | {
      ok: true;
      image: RegistryImage;
      via: 'public' | 'acr-instance' | 'secret';
    }
  | { ok: false; reason: 'NotFound' | 'Unauthorized'; message: string };

function hostOf(key: string): string {
  return key.replace(/^[a-z]+:\/\//i, '').split('/')[0];
}

/** Registry hosts a dockerconfigjson/dockercfg secret holds credentials for. */
export function secretRegistryHosts(secret: KubeObject): string[] {
  const data = isPlainObject(secret.data) ? secret.data : {};
  const decode = (value: unknown): unknown => {
    if (typeof value !== 'string') return undefined;
    try {
      return JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
    } catch {
      return undefined;
    }
  };
  const dockerConfig = decode(data['.dockerconfigjson']);
  if (isPlainObject(dockerConfig) && isPlainObject(dockerConfig.auths))
    return Object.keys(dockerConfig.auths).map(hostOf);
  const legacy = decode(data['.dockercfg']);
  if (isPlainObject(legacy)) return Object.keys(legacy).map(hostOf);
  return [];
}

/**
 * Decides whether ECI can pull an image: public images always; private ACR EE
 * images need an `acr-instance-ids` entry naming the hosting instance (region
 * prefix required when it differs from the cluster's) or a pull secret for the host.
 */
export function decidePull(
  registry: SimulatedRegistry,
  clusterRegion: string,
  reference: string,
  credentials: PullCredentials,
): PullDecision {
  const normalized = normalizeImage(reference);
  const image = registry.lookup(reference);
  if (!image) {
    return {
      ok: false,
      reason: 'NotFound',
      message: `rpc error: code = NotFound desc = failed to pull and unpack image "${normalized}": failed to resolve reference "${normalized}": ${normalized}: not found`,
    };
  }
  if (!image.instance) return { ok: true, image, via: 'public' };
  const instance = image.instance;
  for (const ref of parseAcrInstanceRefs(credentials.acrInstances)) {
    if (
      ref.id === instance.id &&
      (ref.region ?? clusterRegion) === instance.region
    )
      return { ok: true, image, via: 'acr-instance' };
  }
  const host = parseImageRef(reference).registry;
  if (
    credentials.secrets.some(secret =>
      secretRegistryHosts(secret).includes(host),
    )
  )
    return { ok: true, image, via: 'secret' };
  return {
    ok: false,
    reason: 'Unauthorized',
    message: `rpc error: code = Unknown desc = failed to pull and unpack image "${normalized}": failed to resolve reference "${normalized}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
  };
}
