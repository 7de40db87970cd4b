export { CONFIG_FILE, DEFAULT_TEST_FILES, emptyConfig, matches, parseConfig, relativeInside, settingsFor } from './config';
export type { ConfigError, FileSettings, LintConfig, LoadedConfig } from './config';
export { withClients } from './clients';
export { ConfigResolver, formatConfigError } from './loader';
export type { Resolved } from './loader';
