/**
 * The public data model of a claimlint register.
 *
 * These types mirror `schema/claim-file.schema.json` (the JSON Schema that
 * validates every claim file) and are the reference for what each field
 * means. Field names are part of the public interface: do not rename them.
 */

/** What kind of document a source is. */
export type SourceKind =
  | 'systematic-review'
  | 'meta-analysis'
  | 'rct'
  | 'cohort'
  | 'case-control'
  | 'cross-sectional'
  | 'case-series'
  | 'case-report'
  | 'narrative-review'
  | 'guideline'
  | 'regulatory'
  | 'textbook'
  | 'news'
  | 'press-release'
  | 'blog'
  | 'marketing'
  | 'clinic-page'
  | 'forum'
  | 'other';

/** Crossmark-style update notices attached to a source or reference. */
export type NoticeType = 'erratum' | 'correction' | 'expression-of-concern' | 'retraction';

/**
 * Study designs, ordered by Oxford CEBM 2011 level of evidence for
 * "does this intervention help?" (see {@link DESIGN_LEVEL}).
 */
export type Design =
  | 'systematic-review'
  | 'meta-analysis'
  | 'rct'
  | 'cohort'
  | 'non-randomized-controlled'
  | 'cross-sectional'
  | 'case-series'
  | 'case-control'
  | 'case-report'
  | 'mechanism'
  | 'expert-opinion'
  | 'narrative-review'
  | 'animal'
  | 'in-vitro'
  | 'guideline'
  | 'testimonial'
  | 'anecdote'
  | 'marketing'
  | 'news'
  | 'press-release'
  | 'unattributed';

/** CEBM level 1 (best) to 5; `null` means "not evidence". */
export type EvidenceLevel = 1 | 2 | 3 | 4 | 5 | null;

export const DESIGN_LEVEL: Readonly<Record<Design, EvidenceLevel>> = {
  'systematic-review': 1,
  'meta-analysis': 1,
  rct: 2,
  cohort: 3,
  'non-randomized-controlled': 3,
  'cross-sectional': 4,
  'case-series': 4,
  'case-control': 4,
  'case-report': 4,
  mechanism: 5,
  'expert-opinion': 5,
  'narrative-review': 5,
  animal: 5,
  'in-vitro': 5,
  guideline: 5,
  testimonial: null,
  anecdote: null,
  marketing: null,
  news: null,
  'press-release': null,
  unattributed: null,
};

/** What a claim is about. */
export const ASPECTS = ['efficacy', 'harm', 'mechanism', 'history', 'prevalence', 'regulatory', 'dosing', 'other'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** One entry of a source's own reference list. */
export interface Reference {
  /** The id the source itself uses ("12", "Nushama"). */
  id: string;
  authors?: string[];
  title?: string;
  venue?: string;
  year?: number;
  url?: string;
  doi?: string;
  design?: Design;
  /** Sample size, when the source or the reference states it. */
  n?: number;
  notices?: Notice[];
  /** PubMed id, for matching the reference to a source of the register. */
  pmid?: string;
  /** The newer work that replaces this one: a source id of the register or a DOI. */
  superseded_by?: string;
  note?: string;
}

export interface Notice {
  type: NoticeType;
  date?: string;
  doi?: string;
  url?: string;
  note?: string;
}

/** The document a claim file records. */
export interface Source {
  /** kebab-case, unique in the register. */
  id: string;
  title: string;
  kind: SourceKind;
  peer_reviewed?: boolean;
  authors?: string[];
  publisher?: string;
  /** An ISO date (`2026-04-29`), a year-month (`2025-07`) or a year (`2021`). */
  published?: string | number;
  url?: string;
  doi?: string;
  /** The document this file's claims quote, relative to the repository root. */
  document?: string;
  /** The document is the team's own content: statements no claim quotes are reported (`claim/unregistered`). */
  own?: boolean;
  notices?: Notice[];
  references?: Reference[];
  /** PubMed id, for matching other sources' references to this source. */
  pmid?: string;
  /** The newer work that replaces this one (a guideline replaced by a later one): a source id of the register or a DOI. */
  superseded_by?: string;
  note?: string;
}

/** How a bound qualifies a number: "about 60", "more than 60%". */
export type Bound = 'exact' | 'about' | 'at-least' | 'at-most' | 'up-to' | 'more-than' | 'less-than';

/** A point or span in time. Exactly one of the forms is given. */
export interface TimeValue {
  year?: number;
  decade?: number;
  period?: [number, number];
  /** Resolved against the source's `published` date. */
  years_ago?: number;
  /** Qualifies `years_ago` or `year` ("more than 80 years ago", "by 1970"). */
  bound?: Bound;
}

/** A measured or stated amount. */
export interface QuantityValue {
  number?: number;
  /** A stated range ("0.25-0.5 mg/kg/h"); instead of `number`. */
  range?: [number, number];
  unit?: string;
  bound?: Bound;
}

/** A total with its parts, or a percentage with its counts. */
export interface CountValue {
  total?: number;
  parts?: number[];
  percent?: number;
  numerator?: number;
  denominator?: number;
  /** How many decimals the source rounds percentages to (default: as written). */
  unit?: string;
}

export type EffectDirection = 'benefit' | 'no-benefit' | 'harm' | 'mixed';

export interface EffectValue {
  effect: EffectDirection;
  /** Optional effect size, for magnitude comparisons. */
  size?: QuantityValue;
}

export interface CategoryValue {
  category: string;
}

export interface AssertionValue {
  holds: boolean;
}

/** A bound on a reported p-value ("p < .001"). */
export type PBound = 'exact' | 'less-than' | 'at-most' | 'more-than' | 'at-least';

/** A reported test statistic with its p-value (APA style: t(28) = 2.20, p = .04). */
export interface TestValue {
  test: 't' | 'F' | 'chi2' | 'z' | 'r';
  /** Degrees of freedom: one number, or [df1, df2] for F; none for z. For r, n − 2. */
  df?: number | [number, number];
  statistic: number;
  p: number;
  /** How the p-value is bounded, as reported ("p < .05" is `less-than`); default exact. */
  p_bound?: PBound;
  /** One- or two-tailed p (t, z, r only); default 2. */
  tails?: 1 | 2;
}

/** A mean of integer-valued responses with its sample size (checked by the GRIM test). */
export interface MeanValue {
  mean: number;
  n: number;
  /** Items averaged per participant (a scale of 5 items: 5); default 1. */
  items?: number;
  sd?: number;
}

/** Effect measures an estimate with a confidence interval can have. */
export type EstimateMeasure = 'RR' | 'OR' | 'HR' | 'MD' | 'SMD' | 'RD';

/** A point estimate with its confidence interval (RR 0.56, 95% CI 0.45 to 0.70). */
export interface EstimateValue {
  estimate: number;
  ci: [number, number];
  measure: EstimateMeasure;
  /** Confidence level in percent; default 95. */
  level?: number;
  p?: number;
  p_bound?: PBound;
}

export type ClaimValue =
  | TimeValue
  | QuantityValue
  | CountValue
  | EffectValue
  | CategoryValue
  | AssertionValue
  | TestValue
  | MeanValue
  | EstimateValue;

/** The value families the engine distinguishes. */
export type ValueKind = 'time' | 'quantity' | 'count' | 'effect' | 'category' | 'assertion';

/** An intervention described by its parts. */
export interface InterventionDetail {
  agent?: string;
  route?: string;
  dose?: string;
  regimen?: string;
}

/** The PICO facets of a claim, as far as the source states them. */
export interface ClaimContext {
  population?: string;
  intervention?: string | InterventionDetail;
  comparator?: string;
  outcome?: string;
  setting?: string;
}

export type Facet = keyof ClaimContext;
export const FACETS: readonly Facet[] = ['population', 'intervention', 'comparator', 'outcome', 'setting'];

/** Evidence kinds that are not a citation of a reference. */
export const EVIDENCE_KINDS = [
  'testimonial',
  'anecdote',
  'expert-opinion',
  'mechanism',
  'own-study',
  'unattributed',
  'named-source',
  'marketing',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * One piece of evidence a source gives for a claim: either a citation of
 * references from the source's own list (`cites`), or evidence of another
 * kind (`kind`), such as a testimonial or a name in parentheses with no
 * reference behind it (`kind: named-source`, `name: Nushama`).
 */
export interface EvidenceItem {
  cites?: string[];
  kind?: EvidenceKind;
  /** Who is named ("Harvard Medical School", "Hocking and Cousins"). */
  name?: string;
  /** The design of the study, where the source states it for this claim. */
  design?: Design;
  n?: number;
  quote?: string;
  note?: string;
}

export interface Claim {
  /** Unique within the file; the full id is `<source.id>/<claim.id>`. */
  id: string;
  /** Verbatim from the source. */
  text: string;
  /** Where in the source ("Ketamine Uses, paragraph 1"). */
  at?: string;
  subject: string;
  aspect: Aspect;
  property: string;
  value?: ClaimValue;
  context?: ClaimContext;
  evidence?: EvidenceItem[];
  /** Wording strength, when the writer wants to record it explicitly. */
  note?: string;
  /** Written by `claimlint extract` and not yet reviewed (`claim/draft` reports it until the mark is removed). */
  draft?: boolean;
}

/** The contents of one claim file. */
export interface ClaimFile {
  source: Source;
  claims?: Claim[];
}

/** Severities a finding can have. */
export type Severity = 'error' | 'warning' | 'info';
/** A rule's configured severity. */
export type SeveritySetting = Severity | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };
