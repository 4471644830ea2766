import type { LoadedClaim, LoadedReference, RegisterFile } from '../load/loader.js';
import { ContextIndex } from './clusters.js';
import { FactsTable, type ClaimFacts } from './facts.js';
import type { Vocabulary } from './vocabulary.js';
import { CitationGraph } from './citations.js';

/** Claim keys by vocabulary: a claim's keys are worked out once, whatever the number of registers it is in (the incremental engine builds one per update). */
const KEYS = new WeakMap<Vocabulary, WeakMap<LoadedClaim, readonly [string, string]>>();

/**
 * The loaded register with the indexes cross-claim checks use. Checks look
 * claims up by key; none of them scans all pairs of claims.
 */
export class Register {
  readonly files: RegisterFile[];
  readonly claims: LoadedClaim[];
  private readonly bySubjectProperty = new Map<string, LoadedClaim[]>();
  private readonly bySubject = new Map<string, LoadedClaim[]>();
  private readonly bySource = new Map<string, RegisterFile[]>();
  private factsTable: FactsTable | undefined;
  private readonly contextIndexes = new WeakMap<readonly LoadedClaim[], ContextIndex>();

  /** Each claim's subject key and subject/property key under this vocabulary (shared by every register of the same files). */
  private readonly keys: WeakMap<LoadedClaim, readonly [string, string]>;

  constructor(files: RegisterFile[], readonly vocabulary: Vocabulary) {
    this.files = files;
    this.claims = files.flatMap((f) => f.claims);
    let keys = KEYS.get(vocabulary);
    if (!keys) KEYS.set(vocabulary, (keys = new WeakMap()));
    this.keys = keys;
    for (const c of this.claims) {
      const [subject, pair] = this.keysOf(c);
      push(this.bySubjectProperty, pair, c);
      push(this.bySubject, subject, c);
    }
    for (const f of files) if (f.source) push(this.bySource, f.source.id, f);
  }

  private keysOf(c: LoadedClaim): readonly [string, string] {
    let k = this.keys.get(c);
    if (!k) {
      const subject = this.vocabulary.subject(c.claim.subject);
      this.keys.set(c, (k = [subject, `${subject}\u0000${this.vocabulary.property(c.claim.property)}`]));
    }
    return k;
  }

  subjectPropertyKey(c: LoadedClaim): string {
    return this.keysOf(c)[1];
  }

  /** Groups of claims sharing subject and property (after aliases), in register order. */
  subjectPropertyGroups(): IterableIterator<LoadedClaim[]> {
    return this.bySubjectProperty.values();
  }

  /**
   * What the cross-claim checks need to know about a claim (value interval,
   * publication year, normalised context, evidence level), worked out once
   * per claim for every rule that asks.
   */
  facts(c: LoadedClaim): ClaimFacts {
    this.factsTable ??= new FactsTable(this.vocabulary, new Map(this.claims.map((x, i) => [x, i])));
    return this.factsTable.of(c);
  }

  /** The numbered contexts of one subject/property group, shared by the conflict rules. */
  contexts(group: readonly LoadedClaim[]): ContextIndex {
    let index = this.contextIndexes.get(group);
    if (!index) {
      index = new ContextIndex(this.vocabulary);
      this.contextIndexes.set(group, index);
    }
    return index;
  }

  claimsAbout(subject: string): readonly LoadedClaim[] {
    return this.bySubject.get(this.vocabulary.subject(subject)) ?? [];
  }

  /** Files whose source has this id (more than one is a duplicate id). */
  filesWithSource(id: string): readonly RegisterFile[] {
    return this.bySource.get(id) ?? [];
  }

  sourceIds(): IterableIterator<string> {
    return this.bySource.keys();
  }

  private citationGraph?: CitationGraph;
  /** Which references are sources of the register, and what those say on the citing claims (built on first use, once). */
  get citations(): CitationGraph {
    return (this.citationGraph ??= new CitationGraph(this));
  }

  get references(): LoadedReference[] {
    return this.files.flatMap((f) => f.references);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
