/** claimlint's programmatic API. */
export { lint, resolveSetup, describeRules, type LintOptions, type LintResult, type RuleInfo } from './engine/linter.js';
export type { Finding, RelatedLocation, LintSummary } from './engine/finding.js';
export type { CheckKind, CheckContext, Report } from './engine/check.js';
export type { ClaimlintConfig, RuleSetting } from './engine/config.js';
export type { RuleDefinition } from './engine/rules.js';
export { CHECK_KINDS } from './checks/index.js';
export { loadFormatter, FORMAT_NAMES } from './formatters/index.js';
export { ConfigError } from './engine/errors.js';
export * from './model.js';
