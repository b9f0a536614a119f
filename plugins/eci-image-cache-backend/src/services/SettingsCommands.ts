import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  eciAcrUpdatePermission,
  eciImageCacheCreatePermission,
  ENTITY_CACHE_MODES,
  EntityCacheMode,
  EntitySettings,
  formatAcrInstanceRef,
  formatPullSecret,
  formatValue,
  SavedEntitySettings,
  validateAcrInstanceRef,
  validateImageCacheSize,
  validatePullSecretList,
  validateRetentionDays,
  ValidationProblem,
  ValidationResult,
} from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheStore } from '../database/EciImageCacheStore';
import { EntityConfigResolver } from '../desired/EntityConfigResolver';
import { problemsError } from './CacheCommands';
import { actorOf, EntityAccess } from './EntityAccess';

/** Validates settings with common's validators and returns them normalised. */
export function normalizeSettings(raw: EntitySettings): EntitySettings {
  const problems: ValidationProblem[] = [];
  const take = <T>(result: ValidationResult<T>): T | undefined => {
    if (result.ok) return result.value;
    problems.push(...result.problems);
    return undefined;
  };
  const settings: EntitySettings = {};
  if (raw.acrInstance !== undefined) {
    const ref = take(validateAcrInstanceRef(raw.acrInstance, 'acrInstance'));
    if (ref) settings.acrInstance = formatAcrInstanceRef(ref);
  }
  if (raw.cacheMode !== undefined) {
    if ((ENTITY_CACHE_MODES as readonly string[]).includes(raw.cacheMode)) {
      settings.cacheMode = raw.cacheMode as EntityCacheMode;
    } else {
      const value = formatValue(raw.cacheMode);
      problems.push({
        field: 'cacheMode',
        value,
        rule: 'one-of',
        message: `\`cacheMode\`: ${value} must be one of ${ENTITY_CACHE_MODES.map(
          mode => `"${mode}"`,
        ).join(', ')}`,
      });
    }
  }
  if (raw.imageCacheSize !== undefined) {
    settings.imageCacheSize = take(
      validateImageCacheSize(raw.imageCacheSize, 'imageCacheSize'),
    );
  }
  if (raw.retentionDays !== undefined) {
    settings.retentionDays = take(
      validateRetentionDays(raw.retentionDays, 'retentionDays'),
    );
  }
  if (raw.imagePullSecrets !== undefined) {
    const secrets = take(
      validatePullSecretList(raw.imagePullSecrets, 'imagePullSecrets'),
    );
    if (secrets) settings.imagePullSecrets = secrets.map(formatPullSecret);
  }
  if (problems.length > 0) {
    throw problemsError('Invalid settings', problems);
  }
  return settings;
}

/** The permissions needed to go from one set of settings to another. */
export function permissionsForChange(
  before: EntitySettings,
  after: EntitySettings,
): ResourcePermission[] {
  const changed = (key: keyof EntitySettings) =>
    JSON.stringify(before[key]) !== JSON.stringify(after[key]);
  const needed: ResourcePermission[] = [];
  if (changed('acrInstance')) needed.push(eciAcrUpdatePermission);
  const cacheKeys: Array<keyof EntitySettings> = [
    'cacheMode',
    'imageCacheSize',
    'retentionDays',
    'imagePullSecrets',
  ];
  if (cacheKeys.some(changed) || needed.length === 0) {
    needed.push(eciImageCacheCreatePermission);
  }
  return needed;
}

/**
 * Saving and resetting an entity's settings. Changing the ACR instance needs
 * `eci.acr.update`; changing cache settings needs `eci.imagecache.create`.
 */
export class SettingsCommands {
  constructor(
    private readonly store: EciImageCacheStore,
    private readonly access: EntityAccess,
    private readonly resolver: EntityConfigResolver,
    private readonly afterChange: (entityRef: string) => void,
  ) {}

  /**
   * Refuses settings that are valid alone but break a rule of the configuration they would make
   * effective (pull secrets outside the cluster's namespaces, an ACR region contradicting the
   * configured instance, an unlisted instance).
   */
  private checkEffective(entity: Entity, settings: EntitySettings): void {
    const resolved = this.resolver.resolve(entity, settings);
    const refused = resolved.result.ok
      ? []
      : resolved.result.problems.filter(p => p.field.startsWith('settings.'));
    if (refused.length > 0) {
      throw problemsError(
        'Invalid settings',
        refused.map(p => ({
          ...p,
          field: p.field.slice('settings.'.length),
          message: p.message.split(`\`${p.field}\``).join(
            `\`${p.field.slice('settings.'.length)}\``,
          ),
        })),
      );
    }
  }

  async save(
    entityRef: string,
    raw: EntitySettings,
    credentials: BackstageCredentials,
  ): Promise<SavedEntitySettings> {
    const entity = await this.access.get(entityRef, credentials);
    const before = (await this.store.getSettings(entityRef))?.settings ?? {};
    await this.access.require(
      entityRef,
      credentials,
      permissionsForChange(before, raw),
    );
    const settings = normalizeSettings(raw);
    this.checkEffective(entity, settings);
    const saved = await this.store.saveSettings(
      entityRef,
      settings,
      actorOf(credentials),
    );
    this.afterChange(entityRef);
    return saved;
  }

  /** Returns whether there were settings to remove. */
  async reset(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    await this.access.get(entityRef, credentials);
    const before = (await this.store.getSettings(entityRef))?.settings ?? {};
    await this.access.require(
      entityRef,
      credentials,
      permissionsForChange(before, {}),
    );
    const removed = await this.store.deleteSettings(entityRef);
    this.afterChange(entityRef);
    return removed;
  }
}
