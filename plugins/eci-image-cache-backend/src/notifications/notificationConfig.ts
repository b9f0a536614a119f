import { Config, ConfigReader } from '@backstage/config';
import { readDurationMs, readInteger } from '../config/pluginConfig';

/** Configuration of owner notifications (`eciImageCache.notifications`). */
export interface NotificationConfig {
  enabled: boolean;
  /** Warn owners this many days (or fewer) before a managed cache expires; 0 turns it off. */
  expiryWarningDays: number;
  /** How often every managed cache is checked (failures are also noticed as they happen). */
  checkIntervalMs: number;
}

const PREFIX = 'eciImageCache.notifications';

export function readNotificationConfig(rootConfig: Config): NotificationConfig {
  const config = rootConfig.getOptionalConfig(PREFIX) ?? new ConfigReader({});
  return {
    enabled: config.getOptionalBoolean('enabled') ?? true,
    expiryWarningDays: readInteger(
      config,
      'expiryWarningDays',
      `${PREFIX}.expiryWarningDays`,
      7,
      0,
      365,
    ),
    checkIntervalMs: Math.max(
      10_000,
      readDurationMs(
        config,
        'checkInterval',
        `${PREFIX}.checkInterval`,
        15 * 60_000,
      ),
    ),
  };
}
