import { Config } from '@backstage/config';
import { PluginConfigError } from '../config/pluginConfig';

/** The price used for cost estimates (`eciImageCache.fleet`); null when none is configured. */
export interface FleetPricing {
  pricePerGiBMonth: number;
  currency: string | null;
}

const PRICE_KEY = 'eciImageCache.fleet.pricePerGiBMonth';
const CURRENCY_KEY = 'eciImageCache.fleet.currency';

export function readFleetPricing(rootConfig: Config): FleetPricing | null {
  const price = rootConfig.getOptionalNumber(PRICE_KEY);
  const currency = rootConfig.getOptionalString(CURRENCY_KEY) ?? null;
  if (price === undefined) {
    if (currency !== null) {
      throw new PluginConfigError(
        CURRENCY_KEY,
        `needs ${PRICE_KEY}: there is no built-in price`,
      );
    }
    return null;
  }
  if (!Number.isFinite(price) || price < 0) {
    throw new PluginConfigError(
      PRICE_KEY,
      `must be a number of at least 0, got ${price}`,
    );
  }
  if (currency !== null && !/^[A-Za-z$€¥£]{1,8}$/.test(currency)) {
    throw new PluginConfigError(
      CURRENCY_KEY,
      `must be a short currency code such as "CNY" or "USD", got "${currency}"`,
    );
  }
  return { pricePerGiBMonth: price, currency };
}
