/** A usage or configuration error: reported in one line, exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
