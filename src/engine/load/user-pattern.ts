/**
 * Regular expressions that users write in rule options, compiled with RE2JS
 * (a port of RE2): matching takes time linear in the text, whatever the
 * pattern, so a pattern like `(a+)+$` cannot hang a run — the guarantee
 * Go's regexp gives Vale's users. RE2 syntax is Perl's less backreferences
 * and lookaround.
 */
import { RE2JS } from 're2js';

/** A compiled user pattern. */
export interface UserPattern {
  test(text: string): boolean;
}

/** Compile a user pattern; throws with RE2JS's explanation when the pattern is not valid RE2 syntax. */
export function compileUserPattern(source: string, opts: { ignoreCase?: boolean } = {}): UserPattern {
  const re = RE2JS.compile(source, opts.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  return { test: (text) => re.matcher(text).find() };
}

/** Why a pattern cannot be compiled, or undefined when it can. */
export function userPatternProblem(source: string): string | undefined {
  try {
    compileUserPattern(source);
    return undefined;
  } catch (e) {
    const detail = (e as Error).message.replace(/^error parsing regexp: /, '');
    return `is not a pattern claimlint can run (${detail}); patterns use RE2 syntax, which has no backreferences or lookaround`;
  }
}

/**
 * The JSON Schema keyword `userPattern: true` (for check kinds' option
 * schemas): the string must compile as a user pattern. A problem is
 * reported like any option error, at the rule file's or configuration's
 * line and column.
 */
type KeywordError = { keyword: string; message: string; params: object };
const validateUserPattern: ((enabled: boolean, data: string) => boolean) & { errors?: KeywordError[] | null } = (enabled, data) => {
  const problem = enabled ? userPatternProblem(data) : undefined;
  validateUserPattern.errors = problem ? [{ keyword: 'userPattern', message: problem, params: {} }] : null;
  return problem === undefined;
};

export const USER_PATTERN_KEYWORD = {
  keyword: 'userPattern',
  type: 'string',
  schemaType: 'boolean',
  errors: true,
  validate: validateUserPattern,
} as const;
