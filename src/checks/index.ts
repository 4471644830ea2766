/** The registry of built-in check kinds, by the name rules use in `extends:`. */
import type { CheckKind } from '../engine/run/check.js';
import authorAttribution from './author-attribution.js';
import brokenLink from './broken-link.js';
import updateNotice from './update-notice.js';
import retractionList from './retraction-list.js';
import sourceMetadata from './source-metadata.js';
import staleEvidence from './stale-evidence.js';
import oneSided from './one-sided.js';
import contextConflict from './context-conflict.js';
import countArithmetic from './count-arithmetic.js';
import danglingReference from './dangling-reference.js';
import directionConflict from './direction-conflict.js';
import duplicateId from './duplicate-id.js';
import duplicateReference from './duplicate-reference.js';
import evidenceMissing from './evidence-missing.js';
import evidenceOnly from './evidence-only.js';
import magnitudeConflict from './magnitude-conflict.js';
import schema from './schema.js';
import suppression from './suppression.js';
import timeline from './timeline.js';
import unsourcedStatistic from './unsourced-statistic.js';
import unusedReference from './unused-reference.js';
import valueConflict from './value-conflict.js';
import yamlSyntax from './yaml-syntax.js';
import wordingStrength from './wording-strength.js';
import evidencePrecision from './evidence-precision.js';
import secondaryCitation from './secondary-citation.js';
import existence from './existence.js';
import contextMissing from './context-missing.js';
import selfContradiction from './self-contradiction.js';
import statisticRecompute from './statistic-recompute.js';
import quoteAnchor from './quote-anchor.js';
import documentExists from './document-exists.js';
import draftMark from './draft-mark.js';
import unregisteredStatement from './unregistered-statement.js';
import citedMisrepresentation from './cited-misrepresentation.js';
import supersededGuidance from './superseded-guidance.js';

const kinds: CheckKind<never>[] = [
  authorAttribution,
  brokenLink,
  updateNotice,
  retractionList,
  sourceMetadata,
  staleEvidence,
  oneSided,
  yamlSyntax,
  schema,
  duplicateId,
  valueConflict,
  directionConflict,
  evidenceMissing,
  evidenceOnly,
  unsourcedStatistic,
  danglingReference,
  unusedReference,
  duplicateReference,
  countArithmetic,
  contextConflict,
  magnitudeConflict,
  timeline,
  suppression,
  wordingStrength,
  evidencePrecision,
  secondaryCitation,
  existence,
  contextMissing,
  selfContradiction,
  statisticRecompute,
  quoteAnchor,
  documentExists,
  draftMark,
  unregisteredStatement,
  citedMisrepresentation,
  supersededGuidance,
] as unknown as CheckKind<never>[];

export const CHECK_KINDS: Readonly<Record<string, CheckKind>> = Object.fromEntries(
  kinds.map((k) => [k.name, k as unknown as CheckKind]),
);
