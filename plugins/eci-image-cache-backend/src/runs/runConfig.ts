import { Config } from '@backstage/config';
import { PluginConfigError } from '../config/pluginConfig';

/** Configuration of run evidence (`eciImageCache.runs`). */
export interface RunConfig {
  /** Runs kept per entity, newest first. */
  perEntity: number;
}

const KEY = 'eciImageCache.runs.perEntity';

export function readRunConfig(rootConfig: Config): RunConfig {
  const perEntity = rootConfig.getOptionalNumber(KEY) ?? 20;
  if (!Number.isInteger(perEntity) || perEntity < 1 || perEntity > 200) {
    throw new PluginConfigError(
      KEY,
      `must be an integer from 1 to 200, got ${perEntity}`,
    );
  }
  return { perEntity };
}
