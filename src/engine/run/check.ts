import type { Severity } from '../../model.js';
import type { RelatedLocation } from '../report/finding.js';
import type { Range } from '../load/location.js';
import type { LoadedClaim, LoadedReference, RegisterFile } from '../load/loader.js';
import type { Register } from '../register/register.js';
import type { Directive } from './suppressions.js';
import type { RetractionList } from '../register/retractions.js';
import type { Vocabulary } from '../register/vocabulary.js';
import type { DocumentStore } from '../document/store.js';

/**
 * A passage of a source document (offsets resolved to a range in that
 * document), as a related location: where a claim's quote sits.
 */
export interface DocumentPassage {
  /** Absolute path of the document. */
  document: string;
  range: Range;
  text: string;
}

/**
 * Where a finding is: in a claim file (`file`, range in its YAML), or in a
 * source document (`document`, an absolute path, range in that document;
 * `file` then names the claim file concerned, if any). Findings located in
 * documents go through scope, overrides, inline suppressions (HTML/Markdown
 * comments), baselines and `--changed-since` like any other.
 */
export type ReportLocation = { file: RegisterFile; document?: undefined } | { file?: RegisterFile; document: string };

/** What a check reports; the engine turns it into a finding. */
export type Report = ReportLocation & ReportBody;

export interface ReportBody {
  range: Range;
  /** The claim concerned: gives the finding its claim id and text. */
  claim?: LoadedClaim;
  /** For findings on a claim that failed to load (schema problems). */
  claimId?: string;
  /** Which of the rule's messages to use (default: `default`). */
  messageId?: string;
  data?: Record<string, string | number>;
  related?: Array<LoadedClaim | LoadedReference | RegisterFile | DocumentPassage>;
  /** An explicit severity, where the check's options decide it (e.g. by notice type). */
  severity?: Severity;
  /** Lower the rule's severity one step (error → warning → info), e.g. for an uncertain conflict. */
  demote?: boolean;
  /**
   * What tells this finding apart from the rule's other findings on the same
   * claim or source (a reference id, a term, which problem of the rule): part
   * of the fingerprint. Never a count, a value or wording (see fingerprint.ts).
   */
  key?: string;
  /** `related` lists a group for the reader, not the other side of the problem: left out of the fingerprint. */
  relatedIsGroup?: boolean;
  /**
   * What the finding is about within its claim or source (a field path such
   * as `source.published`, or a cause such as `evidence.sample-size`), for
   * rules that supersede others (`supersedes` in the rule's YAML): a finding
   * hides a superseded rule's finding on the same claim or source only when
   * they share one of these, or when neither names any.
   */
  about?: readonly string[];
}

/** Data from outside the register that some checks use. */
export interface ExternalData {
  /** Retraction list given with `--retractions`, by normalised DOI. */
  retractions?: RetractionList;
  /** "Today", for age checks (fixed in tests). */
  now: Date;
}

export interface CheckContext<O> {
  register: Register;
  external: ExternalData;
  /** Inline suppression directives, after they were applied (for `phase: 'after-suppressions'` kinds). */
  directives: readonly Directive[];
  vocabulary: Vocabulary;
  /** The source documents claim files name and the configured own content, read before the rules run. */
  documents: DocumentStore;
  /** Shows an absolute path as findings do (relative to the working directory). */
  display(abs: string): string;
  /** The rule's options, defaults filled in. */
  options: O;
  ruleId: string;
  report(report: Report): void;
  /**
   * Whether findings in this file can be reported (always true without a
   * scope; with files given on the command line, only those). A check may
   * skip work that could only produce findings outside the scope: a pair of
   * claims neither of which is in scope, say. Purely an optimisation.
   */
  inScope(file: RegisterFile): boolean;
  /**
   * Whether a finding that involves this file and another should sit in
   * this one (the other as related): when only new problems are reported
   * (`--changed-since`, `--baseline`), a file that changed — so that the
   * annotation lands on the diff. Files given on the command line are not
   * preferred: a run given files finds exactly what a full run finds. The
   * conflict rules pass it to the cluster ranking (clusters.ts).
   */
  prefers(file: RegisterFile): boolean;
}

/** JSON Schema of a check kind's options (draft 2020-12). */
export type OptionsSchema = Record<string, unknown> & { type: 'object' };

/**
 * A built-in check kind. Rules (YAML files in `rules/` or a user's rule
 * folders) pick one with `extends:` and give it options and messages.
 */
export interface CheckKind<O extends object = object> {
  name: string;
  /** One line: what the kind checks. */
  summary: string;
  optionsSchema: OptionsSchema;
  defaultOptions: O;
  /** Default message templates by message id; `default` is required. */
  messages: Record<string, string> & { default: string };
  /** Kinds that check the suppressions themselves run after the others' findings were filtered. */
  phase?: 'after-suppressions';
  run(ctx: CheckContext<O>): void;
}

/** Define a check kind with its option type inferred. */
export function defineCheck<O extends object>(kind: CheckKind<O>): CheckKind<O> {
  return kind;
}

export function relatedOf(item: LoadedClaim | LoadedReference | RegisterFile | DocumentPassage, display: (abs: string) => string): RelatedLocation {
  if ('document' in item) {
    return { kind: 'document', claim: 'document passage', file: display(item.document), ...item.range, text: item.text };
  }
  if ('sourceRange' in item) {
    return { kind: 'source', claim: item.source?.id ?? '?', file: display(item.path), ...item.sourceRange(['id']), text: item.source?.title ?? '' };
  }
  if ('claim' in item) {
    const r = item.range(['text']);
    return { kind: 'claim', claim: item.fullId, file: display(item.file.path), ...r, text: item.claim.text };
  }
  const r = item.range();
  const ref = item.reference;
  return {
    kind: 'reference',
    claim: `${item.file.source?.id ?? '?'}#${ref.id}`,
    file: display(item.file.path),
    ...r,
    text: ref.title ?? ref.url ?? ref.doi ?? ref.id,
  };
}
