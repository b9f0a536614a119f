/** A configuration error that names the offending key; thrown at startup. */
export class PluginConfigError extends Error {
  constructor(key: string, message: string) {
    super(`Invalid configuration at ${key}: ${message}`);
    this.name = 'PluginConfigError';
  }
}
