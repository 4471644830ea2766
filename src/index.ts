/** claimlint's programmatic API. */
export { lint, resolveSetup, describeRules, type ClaimSummaries, type LintOptions, type LintResult, type RuleInfo } from './engine/run/linter.js';
export { LintSession, CHECK_SCOPES, type CheckScope, type SessionOptions } from './engine/run/session.js';
export { lintWithCache, type CacheOptions } from './engine/run/cache.js';
export type { Finding, RelatedLocation, LintSummary } from './engine/report/finding.js';
export type { CheckKind, CheckContext, Report } from './engine/run/check.js';
export type { ClaimlintConfig, RuleSetting } from './engine/run/config.js';
export type { CitationData, CitationVerdict, MatchedBy } from './engine/register/citations.js';
export type { RuleDefinition } from './engine/run/rules.js';
export { CHECK_KINDS } from './checks/index.js';
export { loadFormatter, FORMAT_NAMES, outputText, type FormatterOutput } from './formatters/index.js';
export { ConfigError } from './engine/run/errors.js';
export * from './model.js';
