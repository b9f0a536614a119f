import fs from 'fs';
import path from 'path';
import * as api from './index';

const SRC = __dirname;

function sourceFiles(dir: string = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name.startsWith('__') ? [] : sourceFiles(full);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
      ? [full]
      : [];
  });
}

describe('the package source', () => {
  it.each(sourceFiles().map(file => [path.relative(SRC, file), file]))(
    '%s uses no Node built-ins',
    (_, file) => {
      const text = fs
        .readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(text).not.toMatch(
        /from '(node:[^']+|fs|path|crypto|os|util|buffer|stream|child_process|url|events)'/,
      );
      expect(text).not.toMatch(
        /\brequire\(|\bBuffer\b|\bprocess\.|__dirname|\bTextEncoder\b/,
      );
    },
  );

  it.each(sourceFiles().map(file => [path.relative(SRC, file), file]))(
    '%s documents every exported declaration',
    (_, file) => {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      const undocumented: string[] = [];
      lines.forEach((line, index) => {
        const declaration =
          /^export ((async )?function|const|class|interface|enum|type [A-Za-z])/;
        if (!declaration.test(line)) {
          return;
        }
        let end = index - 1;
        while (end >= 0 && lines[end].trim().startsWith('//')) {
          end--;
        }
        let start = end;
        while (start >= 0 && !lines[start].includes('/**')) {
          start--;
        }
        const block = start >= 0 ? lines.slice(start, end + 1).join('\n') : '';
        const summary = block
          .replace(/^\s*\/\*\*\s?/, '')
          .split('\n')
          .map(text => text.replace(/^\s*\*\/?\s?/, '').trim())
          .find(text => text.length > 0);
        if (
          !lines[end]?.trim().endsWith('*/') ||
          !summary ||
          summary.startsWith('@')
        ) {
          undocumented.push(line);
        }
      });
      expect(undocumented).toEqual([]);
    },
  );
});

describe('the public API', () => {
  it('exports the documented names', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "ANNOTATION_ACR_INSTANCE_ID",
        "ANNOTATION_ACR_INSTANCE_IDS",
        "ANNOTATION_ARGO_NAMESPACE",
        "ANNOTATION_DIALECTS",
        "ANNOTATION_ECI_CLUSTER",
        "ANNOTATION_ECI_IMAGES",
        "ANNOTATION_ECI_IMAGE_CACHE",
        "ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS",
        "ANNOTATION_ECI_IMAGE_CACHE_SIZE",
        "ANNOTATION_ECI_IMAGE_PULL_SECRETS",
        "ANNOTATION_ENTITY_REF",
        "ANNOTATION_PLACEMENTS",
        "API_ROUTES",
        "DEFAULT_IMAGE_CACHE_SIZE_GIB",
        "ECI_CATALOG_ANNOTATIONS",
        "ECI_IMAGE_CACHE_PLUGIN_ID",
        "ENTITY_CACHE_MODES",
        "EciValidationError",
        "FLEET_SORT_KEYS",
        "IMAGE_CACHE_ANNOTATION_ENABLE_REUSE",
        "IMAGE_CACHE_PHASES",
        "LABEL_ENTITY_HASH",
        "LABEL_IMAGE_SET_HASH",
        "LABEL_MANAGED_BY",
        "MANAGED_BY_VALUE",
        "MANAGED_IMAGE_CACHE_SELECTOR",
        "MAX_DNS1123_LABEL_LENGTH",
        "MAX_DNS1123_SUBDOMAIN_LENGTH",
        "MAX_FLEET_PAGE_SIZE",
        "MAX_IMAGES_PER_CACHE",
        "MAX_IMAGE_CACHE_SIZE_GIB",
        "MAX_LISTED_OTHER_CACHES",
        "MAX_RETENTION_DAYS",
        "MAX_SERVICE_NAME_LENGTH",
        "MIN_IMAGE_CACHE_SIZE_GIB",
        "MIN_RETENTION_DAYS",
        "POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY",
        "POD_ANNOTATION_AUTO_IMC",
        "POD_ANNOTATION_IMAGE_CACHE_LEGACY",
        "POD_ANNOTATION_IMAGE_SNAPSHOT_ID_LEGACY",
        "POD_ANNOTATION_IMC_ID",
        "PUBLIC_REGISTRIES",
        "WORKFLOW_CACHE_MODES",
        "WORKFLOW_KINDS",
        "acrAnnotationValue",
        "acrAnnotationValues",
        "acrInstanceConfigOf",
        "apiPath",
        "buildImageCache",
        "cacheAlert",
        "cacheLabel",
        "cacheListQuerySchema",
        "checkAcrInstanceRef",
        "createCacheRequestSchema",
        "daysUntilExpiry",
        "decideAcr",
        "decideCache",
        "decideWorkflow",
        "describePinRefusal",
        "diagnoseRunFailure",
        "diffImageSets",
        "eciAcrUpdatePermission",
        "eciImageCacheCreatePermission",
        "eciImageCacheDeletePermission",
        "eciImageCachePermissions",
        "eciImageCacheReadPermission",
        "eciPodAnnotations",
        "emptyRunEvidence",
        "entityRefHash",
        "entityRefOfRouteParams",
        "entityRouteParams",
        "entitySettingsSchema",
        "escapeCharacter",
        "fleetQuerySchema",
        "foldPodStatus",
        "foldRunEvent",
        "formatAcrInstanceRef",
        "formatPullSecret",
        "formatValue",
        "generateWorkflow",
        "hasEciAnnotations",
        "hasUnsafeCharacter",
        "imageCacheMatchesImages",
        "imageCacheName",
        "imageCacheOptionsForEntity",
        "imageCacheOrigin",
        "imageCacheSelectorForEntity",
        "imageComparisonKey",
        "imageSetHash",
        "imageSetKey",
        "isCacheExpired",
        "isCacheUsable",
        "isImageCacheOwnedBy",
        "isPublicRegistry",
        "listedOtherCaches",
        "normalizeCompoundEntityRef",
        "normalizeEntityRef",
        "normalizeImageReference",
        "parseAcrRegistryDomain",
        "parseGoDurationMs",
        "parseImageReference",
        "parseProgressPercent",
        "parseRequest",
        "pinRefusal",
        "pinnableCaches",
        "predictEci",
        "pullSecretNamespaces",
        "readEntityConfig",
        "readImageCacheOwnership",
        "renderYaml",
        "resolveAcrInstance",
        "serviceNameOf",
        "sha256Hex",
        "summarizeRuns",
        "toDnsLabel",
        "tryBuildImageCache",
        "tryGenerateWorkflow",
        "unusablePullSecretProblem",
        "validateAcrInstanceConfig",
        "validateAcrInstanceId",
        "validateAcrInstanceRef",
        "validateCronSchedule",
        "validateDnsLabel",
        "validateDnsSubdomain",
        "validateEntityRef",
        "validateImageCacheId",
        "validateImageCacheName",
        "validateImageCacheSize",
        "validateImageList",
        "validateLabelValue",
        "validateLabels",
        "validateNamespace",
        "validatePullSecret",
        "validatePullSecretList",
        "validatePullSecretNamespaces",
        "validateQualifiedName",
        "validateRegionId",
        "validateRegistryHost",
        "validateRetentionDays",
        "validateSingleLineText",
        "workflowPreviewQuerySchema",
      ]
    `);
  });
});
