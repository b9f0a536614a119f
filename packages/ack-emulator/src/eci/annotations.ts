/** Annotation keys ECI reads on pods and ImageCaches (see eci-acr-domain.md §1.3 and §2). */
export const ANNOTATIONS = {
  acrInstanceIds: 'k8s.aliyun.com/acr-instance-ids',
  acrInstanceIdLegacy: 'k8s.aliyun.com/acr-instance-id',
  imcEnableReuse: 'k8s.aliyun.com/imc-enable-reuse',
  imcId: 'k8s.aliyun.com/eci-imc-id',
  imageSnapshotIdLegacy: 'k8s.aliyun.com/eci-image-snapshot-id',
  autoImc: 'k8s.aliyun.com/eci-auto-imc',
  imcPerfectMatch: 'k8s.aliyun.com/imc-perfect-match',
  imcMatchCountRequest: 'k8s.aliyun.com/imc-match-count-request',
  eciInstanceId: 'k8s.aliyun.com/eci-instance-id',
  extraEphemeralStorage: 'k8s.aliyun.com/eci-extra-ephemeral-storage',
} as const;

/** The ACR instance ids an object grants password-free access to, from either annotation spelling. */
export function acrInstanceAnnotation(
  annotations: Record<string, string> | undefined,
): string | undefined {
  const values = [
    annotations?.[ANNOTATIONS.acrInstanceIds],
    annotations?.[ANNOTATIONS.acrInstanceIdLegacy],
  ].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return values.length > 0 ? values.join(',') : undefined;
}

export interface AcrInstanceRef {
  region?: string;
  id: string;
}

/** Parses `[region:]cri-xxx[,[region:]cri-yyy]`; malformed entries are skipped. */
export function parseAcrInstanceRefs(
  value: string | undefined,
): AcrInstanceRef[] {
  if (!value) return [];
  return value
    .split(',')
    .map(entry => entry.trim())
    .map(entry => /^(?:([a-z]{2}-[a-z0-9-]+):)?(cri-[a-z0-9]+)$/.exec(entry))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(m => ({ region: m[1], id: m[2] }));
}
