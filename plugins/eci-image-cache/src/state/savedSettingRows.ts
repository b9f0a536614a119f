import {
  EffectiveEntityConfig,
  EntitySettings,
} from '@eci-portal/plugin-eci-image-cache-common';

const LABELS: Record<keyof EntitySettings, string> = {
  acrInstance: 'ACR instance',
  cacheMode: 'Cache mode',
  imageCacheSize: 'Size (GiB)',
  retentionDays: 'Retention (days)',
  imagePullSecrets: 'Pull secrets',
};

/** One saved setting, and whether a catalog annotation overrides it. */
export interface SavedSettingRow {
  key: keyof EntitySettings;
  label: string;
  value: string;
  /** The annotation's value that wins over this one, when an annotation sets the field. */
  shadowedBy?: string;
}

function show(value: unknown): string {
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  return value === null || value === undefined ? 'none' : String(value);
}

/** The saved settings as rows, each marked when the annotation's value takes precedence. */
export function savedSettingRows(
  settings: EntitySettings,
  config: EffectiveEntityConfig | null,
): SavedSettingRow[] {
  return (Object.keys(LABELS) as Array<keyof EntitySettings>)
    .filter(key => settings[key] !== undefined)
    .map(key => {
      const effective = config?.[key];
      return {
        key,
        label: LABELS[key],
        value: show(settings[key]),
        shadowedBy:
          effective?.source === 'annotation'
            ? show(effective.value)
            : undefined,
      };
    });
}
