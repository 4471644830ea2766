/**
 * What the cross-claim checks need to know about each claim, worked out once
 * per claim (and once per source) and kept with the register index: the
 * value's family and interval, the source's publication year, the context
 * read into normalised facets, the best evidence level. Comparing two claims
 * then does no text work at all.
 */
import type { EvidenceLevel, Source, ValueKind } from '../../model.js';
import type { LoadedClaim } from '../load/loader.js';
import { contextKey, type ContextKey } from './context.js';
import { bestLevel, resolveEvidence } from './evidence.js';
import { asEffect, asQuantity, asTime, normUnit, publishedYear, quantityInterval, timeInterval, valueKind, type Interval } from './values.js';
import type { Vocabulary } from './vocabulary.js';

const years = new WeakMap<Source, number | undefined>();

/** `publishedYear`, read once per source. */
export function sourceYear(source: Source): number | undefined {
  if (years.has(source)) return years.get(source);
  const y = publishedYear(source);
  years.set(source, y);
  return y;
}

/** What a claim's facts are, whatever register it is in: worked out once per claim and vocabulary. */
interface BaseFacts {
  kind: ValueKind | undefined;
  year: number | undefined;
  interval: Interval | undefined;
  unit: string;
  size: { interval: Interval; unit: string } | undefined;
  sourceKey: string;
  context?: ContextKey;
  levelDone: boolean;
  level?: EvidenceLevel;
}

const bases = new WeakMap<Vocabulary, WeakMap<LoadedClaim, BaseFacts>>();

function baseOf(claim: LoadedClaim, vocab: Vocabulary): BaseFacts {
  let table = bases.get(vocab);
  if (!table) bases.set(vocab, (table = new WeakMap()));
  let b = table.get(claim);
  if (b) return b;
  const v = claim.claim.value;
  const kind = valueKind(v);
  const year = sourceYear(claim.source);
  const size = kind === 'effect' ? asEffect(v!).size : undefined;
  const sizeInterval = size ? quantityInterval(size) : undefined;
  b = {
    kind,
    year,
    interval: kind === 'time' ? timeInterval(asTime(v!), year) : kind === 'quantity' ? quantityInterval(asQuantity(v!)) : undefined,
    unit: kind === 'quantity' ? normUnit(asQuantity(v!).unit) : '',
    size: size && sizeInterval ? { interval: sizeInterval, unit: (size.unit ?? '').toLowerCase().replace(/\s/g, '') } : undefined,
    sourceKey: claim.source.id !== undefined ? `id:${claim.source.id}` : `file:${claim.file.path}`,
    levelDone: false,
  };
  table.set(claim, b);
  return b;
}

export class ClaimFacts {
  readonly kind: ValueKind | undefined;
  /** The source's publication year, against which relative times resolve. */
  readonly year: number | undefined;
  /** The span a time or quantity value allows (undefined for other kinds, or when it cannot be resolved). */
  readonly interval: Interval | undefined;
  /** The quantity's unit, normalised ("" when none). */
  readonly unit: string;
  /** For effects with a size: the size's interval and unit (units compared as written, spaces and case aside). */
  readonly size: { interval: Interval; unit: string } | undefined;
  /** Identifies the source: two claims with the same key come from one source. */
  readonly sourceKey: string;
  private readonly base: BaseFacts;

  constructor(
    readonly claim: LoadedClaim,
    /** Position in the register (claims in file order, files sorted): the deterministic tie-break. */
    readonly order: number,
    private readonly vocab: Vocabulary,
  ) {
    // Per claim, shared by every register the claim is in (the incremental engine builds many): only the order is the register's.
    const b = (this.base = baseOf(claim, vocab));
    this.kind = b.kind;
    this.year = b.year;
    this.interval = b.interval;
    this.unit = b.unit;
    this.size = b.size;
    this.sourceKey = b.sourceKey;
  }

  /** The context's normalised facets, read on first use. */
  get context(): ContextKey {
    return (this.base.context ??= contextKey(this.claim.claim.context, this.vocab, this.claim.claim.subject));
  }

  /** Best evidence level (1 best … 5; null "not evidence"; undefined unknown), computed on first use. */
  get level(): EvidenceLevel | undefined {
    const b = this.base;
    if (!b.levelDone) {
      b.level = bestLevel(resolveEvidence(this.claim));
      b.levelDone = true;
    }
    return b.level;
  }
}

/** Per-claim facts, made on first use and kept as long as the claim (one table per vocabulary). */
export class FactsTable {
  private readonly table = new WeakMap<LoadedClaim, ClaimFacts>();
  private next = 0;

  constructor(
    private readonly vocab: Vocabulary,
    order?: ReadonlyMap<LoadedClaim, number>,
  ) {
    this.order = order;
  }

  private readonly order: ReadonlyMap<LoadedClaim, number> | undefined;

  of(c: LoadedClaim): ClaimFacts {
    let f = this.table.get(c);
    if (!f) {
      f = new ClaimFacts(c, this.order?.get(c) ?? this.next++, this.vocab);
      this.table.set(c, f);
    }
    return f;
  }
}

const tables = new WeakMap<Vocabulary, FactsTable>();

/** Facts of a claim outside a register (e.g. for a check comparing two claims it was given). */
export function claimFacts(c: LoadedClaim, vocab: Vocabulary): ClaimFacts {
  let t = tables.get(vocab);
  if (!t) {
    t = new FactsTable(vocab);
    tables.set(vocab, t);
  }
  return t.of(c);
}
