import { InputError } from '@backstage/errors';
import { validateEntityRef } from '@eci-portal/plugin-eci-image-cache-common';
import { problemsError } from '../../validation/problemsError';

/** The shape of one `services` entry after schema parsing. */
export type ServiceInput =
  | string
  | {
      entityRef?: string;
      name?: string;
      images?: string[];
      command?: string[];
      args?: string[];
      imageCacheId?: string;
      acrInstanceId?: string;
      clusterRegion?: string;
      namespace?: string;
    };

/** A catalog entity whose settings the backend resolves. */
export interface EntityServiceRequest {
  type: 'entity';
  /** `services[i]`, for error messages. */
  field: string;
  entityRef: string;
  images?: string[];
  command?: string[];
  args?: string[];
}

/** A service described entirely by the input. */
export interface InlineServiceRequest {
  type: 'inline';
  field: string;
  name: string;
  images: string[];
  command?: string[];
  args?: string[];
  imageCacheId?: string;
  acrInstanceId?: string;
  clusterRegion?: string;
  namespace?: string;
}

export type ServiceRequest = EntityServiceRequest | InlineServiceRequest;

const INLINE_ONLY_FIELDS = [
  'imageCacheId',
  'acrInstanceId',
  'clusterRegion',
  'namespace',
] as const;

function toRequest(entry: ServiceInput, field: string): ServiceRequest {
  const raw = typeof entry === 'string' ? { entityRef: entry } : entry;
  if (raw.entityRef !== undefined && raw.name !== undefined) {
    throw new InputError(
      `Invalid input: \`${field}\` names both "entityRef" and "name"; use "entityRef" for a catalog service or "name" for an inline one`,
    );
  }
  if (raw.entityRef !== undefined) {
    const ref = validateEntityRef(raw.entityRef, `${field}.entityRef`);
    if (!ref.ok) {
      throw problemsError('', ref.problems);
    }
    const inlineOnly = INLINE_ONLY_FIELDS.filter(key => raw[key] !== undefined);
    if (inlineOnly.length > 0) {
      throw new InputError(
        `Invalid input: \`${field}.${inlineOnly[0]}\` is only for inline services; the backend decides it for entity ${ref.value}`,
      );
    }
    return {
      type: 'entity',
      field,
      entityRef: ref.value,
      images: raw.images,
      command: raw.command,
      args: raw.args,
    };
  }
  if (raw.name === undefined) {
    throw new InputError(
      `Invalid input: \`${field}\` needs "entityRef" (a catalog service) or "name" and "images" (an inline service)`,
    );
  }
  if (raw.images === undefined) {
    throw new InputError(
      `Invalid input: \`${field}.images\` is required for the inline service "${raw.name}"`,
    );
  }
  return {
    type: 'inline',
    field,
    name: raw.name,
    images: raw.images,
    command: raw.command,
    args: raw.args,
    imageCacheId: raw.imageCacheId,
    acrInstanceId: raw.acrInstanceId,
    clusterRegion: raw.clusterRegion,
    namespace: raw.namespace,
  };
}

/** Normalises the `services` input (one entry or a list) into typed requests. */
export function toServiceRequests(
  services: ServiceInput | ServiceInput[],
): ServiceRequest[] {
  if (Array.isArray(services)) {
    return services.map((entry, index) =>
      toRequest(entry, `services[${index}]`),
    );
  }
  return [toRequest(services, 'services')];
}
