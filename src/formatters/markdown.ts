/**
 * Markdown for a pull-request comment: a heading with the counts, counts by
 * severity and by rule, and the findings as a table (worst first, related
 * claims under each message), all untrusted text escaped. The same report as
 * the `github` format's step summary, cut to fit GitHub's 65,536-character
 * limit on a comment body. It starts with the HTML comment
 * `<!-- claimlint-report -->` so a workflow can find and update its own
 * comment instead of adding a new one.
 */
import { markdownReport } from './markdown-text.js';
import type { Formatter } from './types.js';

/** GitHub's limit on an issue or pull-request comment body, in characters. */
export const COMMENT_LIMIT = 65_536;

export const COMMENT_MARKER = '<!-- claimlint-report -->';

const markdown: Formatter = (result, { tool }) =>
  markdownReport(result, {
    title: tool.name,
    limit: COMMENT_LIMIT,
    // UTF-16 code units: never fewer than the characters GitHub counts.
    measure: (s) => s.length,
    preamble: `${COMMENT_MARKER}\n`,
  });

export default markdown;
