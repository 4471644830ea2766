/** JSON Schema fragments shared by the options of several check kinds. */
import { ASPECTS, EVIDENCE_KINDS } from '../model.js';

export const aspectList = { type: 'array', uniqueItems: true, items: { enum: [...ASPECTS] } } as const;
export const evidenceKindList = { type: 'array', uniqueItems: true, minItems: 1, items: { enum: [...EVIDENCE_KINDS] } } as const;
export const differentContextOption = {
  enum: ['demote', 'ignore'],
  description: 'when the claims differ in a context facet: report one severity step lower, or leave it to conflict/context',
} as const;
/** An options schema for kinds that take no options. */
export const NO_OPTIONS = { type: 'object', properties: {} } as const;
