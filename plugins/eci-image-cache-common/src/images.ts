import { validateDistinctList } from './validation/lists';
import {
  invalid,
  problemOf,
  requireString,
  valid,
  ValidationProblem,
  ValidationResult,
} from './validation/result';

/**
 * A parsed OCI image reference, normalised the way ECI compares images.
 *
 * @public
 */
export interface ImageReference {
  /** The reference exactly as written; this is what goes into ImageCaches and containers. */
  original: string;
  /** Registry host[:port], lowercased; `docker.io` when the reference names none. */
  registry: string;
  /** Repository path; Docker Hub official images get the `library/` prefix. */
  repository: string;
  /** Tag as written, if any. */
  tag?: string;
  /** Digest (`sha256:…`), if any. */
  digest?: string;
  /** Comparison key, e.g. `docker.io/library/nginx:latest`. */
  normalized: string;
  /** True when the image is not pinned: no digest and the tag is `latest` or absent. */
  floating: boolean;
}

/** Most images one ImageCache may hold. @public */
export const MAX_IMAGES_PER_CACHE = 20;
const MAX_IMAGE_REFERENCE_LENGTH = 512;
const MAX_IMAGE_NAME_LENGTH = 255;
const DEFAULT_REGISTRY = 'docker.io';

const PRINTABLE_ASCII_WITHOUT_SPACE = /^[\x21-\x7e]+$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DOMAIN_COMPONENT = /^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const PORT = /^[0-9]{1,5}$/;
const PATH_COMPONENT = /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*$/;

function isValidRegistry(domain: string): boolean {
  const colon = domain.indexOf(':');
  const host = colon === -1 ? domain : domain.slice(0, colon);
  const port = colon === -1 ? undefined : domain.slice(colon + 1);
  if (port !== undefined && (!PORT.test(port) || Number(port) > 65535)) {
    return false;
  }
  return host.split('.').every(component => DOMAIN_COMPONENT.test(component));
}

/**
 * Validates a registry `host[:port]` (dot-separated letters, digits and '-'; port 0–65535) and returns it lowercased.
 *
 * @public
 */
export function validateRegistryHost(
  raw: unknown,
  field: string = 'registry',
): ValidationResult<string> {
  const text = requireString(raw, field, 253 + 6);
  if (!text.ok) {
    return text;
  }
  if (!isValidRegistry(text.value)) {
    return invalid(
      field,
      raw,
      'image-registry',
      'is not a registry host (dot-separated letters, digits and "-", optionally ":port")',
    );
  }
  return valid(text.value.toLowerCase());
}

/** Docker's rule: the first path segment is a registry if it has '.', ':', uppercase, or is `localhost`. */
function splitRegistry(name: string): { domain?: string; path: string } {
  const slash = name.indexOf('/');
  if (slash === -1) {
    return { path: name };
  }
  const first = name.slice(0, slash);
  if (
    first.includes('.') ||
    first.includes(':') ||
    first === 'localhost' ||
    first !== first.toLowerCase()
  ) {
    return { domain: first, path: name.slice(slash + 1) };
  }
  return { path: name };
}

/**
 * Parses an image reference per the OCI distribution grammar (`[host[:port]/]path[:tag][@sha256:hex]`) and normalises it.
 *
 * @public
 */
export function parseImageReference(
  raw: unknown,
  field: string = 'image',
): ValidationResult<ImageReference> {
  const text = requireString(raw, field, MAX_IMAGE_REFERENCE_LENGTH);
  if (!text.ok) {
    return text;
  }
  const original = text.value;
  if (!PRINTABLE_ASCII_WITHOUT_SPACE.test(original)) {
    return invalid(
      field,
      raw,
      'image-reference',
      'contains spaces, control characters or characters outside ASCII (such as look-alike letters or invisible characters)',
    );
  }

  let rest = original;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) {
      return invalid(
        field,
        raw,
        'image-digest',
        'has an invalid digest (must be "sha256:" followed by 64 lowercase hex digits)',
      );
    }
  }

  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      return invalid(
        field,
        raw,
        'image-tag',
        'has an invalid tag (1-128 letters, digits, "_", "." and "-", not starting with "." or "-")',
      );
    }
  }

  if (rest.length > MAX_IMAGE_NAME_LENGTH) {
    return invalid(
      field,
      raw,
      'max-length',
      `has a repository name longer than ${MAX_IMAGE_NAME_LENGTH} characters`,
    );
  }
  const { domain, path } = splitRegistry(rest);
  if (domain !== undefined && !isValidRegistry(domain)) {
    return invalid(
      field,
      raw,
      'image-registry',
      'has an invalid registry host (dot-separated letters, digits and "-", optionally ":port")',
    );
  }
  if (!path.split('/').every(component => PATH_COMPONENT.test(component))) {
    return invalid(
      field,
      raw,
      'image-path',
      'has an invalid repository path ("/"-separated lowercase letters and digits joined by ".", "_", "__" or "-")',
    );
  }

  let registry = (domain ?? DEFAULT_REGISTRY).toLowerCase();
  if (registry === 'index.docker.io') {
    registry = DEFAULT_REGISTRY;
  }
  const repository =
    registry === DEFAULT_REGISTRY && !path.includes('/')
      ? `library/${path}`
      : path;
  const effectiveTag = tag ?? (digest ? undefined : 'latest');
  const normalized = `${registry}/${repository}${
    effectiveTag ? `:${effectiveTag}` : ''
  }${digest ? `@${digest}` : ''}`;
  const floating =
    digest === undefined && (tag === undefined || tag === 'latest');

  const reference: ImageReference = {
    original,
    registry,
    repository,
    normalized,
    floating,
  };
  if (tag !== undefined) {
    reference.tag = tag;
  }
  if (digest !== undefined) {
    reference.digest = digest;
  }
  const warnings: ValidationProblem[] = floating
    ? [
        problemOf(
          field,
          original,
          'floating-tag',
          `uses a floating tag (${
            tag === undefined ? 'no tag, so "latest"' : '"latest"'
          }); ECI matches caches by exact name:tag, so a new push under the same tag is not in the cache. Pin a version tag or a digest`,
        ),
      ]
    : [];
  return valid(reference, warnings);
}

/**
 * Returns the ECI comparison key of an image (`nginx` → `docker.io/library/nginx:latest`), or undefined if it is not a valid reference.
 *
 * @public
 */
export function normalizeImageReference(image: string): string | undefined {
  const parsed = parseImageReference(image);
  return parsed.ok ? parsed.value.normalized : undefined;
}

/**
 * Validates 1–20 distinct images, given as a comma-separated annotation value (entries trimmed) or a list.
 *
 * @public
 */
export function validateImageList(
  raw: unknown,
  field: string = 'images',
): ValidationResult<ImageReference[]> {
  return validateDistinctList(raw, field, {
    typeText: 'must be a list of image references',
    missingIsRequired: true,
    emptyText: 'must name at least 1 image',
    maxItems: MAX_IMAGES_PER_CACHE,
    tooManyText: count =>
      `names ${count} images; an image cache holds at most ${MAX_IMAGES_PER_CACHE}`,
    parse: parseImageReference,
    key: image => image.normalized,
    duplicateText: (earlier, image) =>
      `is the same image as "${earlier.original}" (both are ${image.normalized})`,
  });
}

const MAX_REMEMBERED_KEYS = 50_000;
const comparisonKeys = new Map<string, string>();

/**
 * The key under which two image references are the same image: the normalised reference, or the
 * text itself when it is not one. Remembered (up to 50,000): a fleet's caches share few images.
 *
 * @public
 */
export function imageComparisonKey(image: string): string {
  let key = comparisonKeys.get(image);
  if (key === undefined) {
    key = normalizeImageReference(image) ?? image;
    if (comparisonKeys.size >= MAX_REMEMBERED_KEYS) comparisonKeys.clear();
    comparisonKeys.set(image, key);
  }
  return key;
}

const comparisonKey = imageComparisonKey;

/**
 * The canonical form of an image set: sorted, distinct comparison keys joined by newlines.
 *
 * @public
 */
export function imageSetKey(images: readonly string[]): string {
  return Array.from(new Set(images.map(comparisonKey)))
    .sort()
    .join('\n');
}

/**
 * Compares two image sets by exact normalised `name:tag`; lists what `desired` has that `actual` lacks, and the reverse.
 *
 * @public
 */
export function diffImageSets(
  actual: readonly string[],
  desired: readonly string[],
): { matches: boolean; missing: string[]; extra: string[] } {
  const actualKeys = new Set(actual.map(comparisonKey));
  const desiredKeys = new Set(desired.map(comparisonKey));
  const missing = desired.filter(
    image => !actualKeys.has(comparisonKey(image)),
  );
  const extra = actual.filter(image => !desiredKeys.has(comparisonKey(image)));
  return {
    matches: missing.length === 0 && extra.length === 0,
    missing,
    extra,
  };
}
