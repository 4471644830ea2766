/**
 * Write a synthetic claims register for benchmarks and load tests:
 * N claims (default 10,000) over F claim files (default 100), with a
 * claimlint.config.yaml, shaped like a real register of health content:
 * a few popular subjects and conditions and a long tail, PICO contexts,
 * typed values, numbered references with citations, and problems at a
 * realistic rate — conflicting decades, benefit against no benefit, counts
 * that do not add up, dangling and unused references, duplicate reference
 * entries, unsourced statistics, claims with no evidence or testimonials
 * only. The output is deterministic for a given seed.
 *
 *   npx tsx scripts/generate-register.ts <dir> [--claims 10000] [--files 100] [--seed 1] [--one-group] [--cite-register]
 *
 * --one-group puts every claim on one subject and property with mixed values
 * (see GenerateOptions.oneGroup); --cite-register makes every tenth reference
 * an earlier source of the register (GenerateOptions.citeRegister).
 *
 * writes <dir>/claimlint.config.yaml and <dir>/claims/source-000.yaml ...
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainModule } from '../src/paths.js';

export interface GenerateOptions {
  /** Number of claims in the register. */
  claims?: number;
  /** Number of claim files (sources) they are spread over. */
  files?: number;
  /** Seed of the pseudo-random generator. */
  seed?: number;
  /**
   * Every claim on one subject and property (ketamine, depression) with mixed
   * values: effects in every direction, a quarter against the rest, half of
   * them with sizes, and a quarter of the claims dates spread over four
   * decades. The worst case for the cross-claim conflict rules.
   */
  oneGroup?: boolean;
  /**
   * Every tenth reference of each file (after the first) is an earlier
   * source of the register, by its URL: a citation graph for the HTML
   * report's Citations view and evidence/misrepresents-cited. Off by
   * default (the output is then unchanged).
   */
  citeRegister?: boolean;
}

export interface GeneratedRegister {
  /** Claim file paths relative to the register folder (`claims/source-000.yaml`, ...). */
  files: string[];
  claims: number;
  /** Conflicts planted on purpose (a claim contradicting the prevailing value). */
  planted: { valueConflicts: number; directionConflicts: number; badCounts: number; danglingCites: number };
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'ketamine', 'esketamine', 'psilocybin', 'mdma', 'lithium', 'sertraline', 'fluoxetine', 'escitalopram',
  'bupropion', 'venlafaxine', 'duloxetine', 'amitriptyline', 'gabapentin', 'pregabalin', 'lidocaine',
  'magnesium', 'memantine', 'dextromethorphan', 'nitrous-oxide', 'hydroxynorketamine', 'brexanolone',
  'zuranolone', 'lamotrigine', 'quetiapine', 'aripiprazole', 'electroconvulsive-therapy',
  'transcranial-magnetic-stimulation', 'cognitive-behavioural-therapy', 'exercise', 'mindfulness',
  'naltrexone', 'buprenorphine', 'methadone', 'clonidine', 'melatonin', 'cannabidiol', 'ibogaine',
  'scopolamine', 'botulinum-toxin', 'acupuncture',
];
const CONDITIONS = [
  'depression', 'treatment-resistant-depression', 'bipolar-depression', 'suicidal-ideation', 'ptsd',
  'anxiety', 'ocd', 'chronic-pain', 'neuropathic-pain', 'fibromyalgia', 'crps', 'migraine', 'insomnia',
  'alcohol-use-disorder', 'opioid-use-disorder', 'cocaine-use-disorder', 'postpartum-depression',
  'postoperative-pain', 'cancer-pain', 'tinnitus', 'adhd', 'autism-irritability', 'schizophrenia',
  'eating-disorders', 'smoking-cessation', 'refractory-status-epilepticus', 'cluster-headache',
  'low-back-pain', 'osteoarthritis-pain', 'irritable-bowel-syndrome',
];
const HARMS = ['dissociation', 'bladder-toxicity', 'dependence', 'cognitive-impairment', 'hypertension', 'nausea', 'neurotoxicity', 'weight-gain', 'sexual-dysfunction', 'qt-prolongation'];
const MECHANISMS = ['nmda-antagonism', 'neuroplasticity', 'bdnf', 'mtor', 'ampa', 'glutamate-release', 'synaptogenesis', 'serotonin-reuptake', '5ht2a-agonism', 'opioid-receptor'];
const POPULATIONS = ['adults', 'older adults', 'adolescents', 'veterans', 'outpatients', 'inpatients', 'women after childbirth', 'patients with cancer'];
const ROUTES = ['intravenous', 'intranasal', 'oral', 'intramuscular', 'subcutaneous'];
const SETTINGS = ['emergency department', 'primary care', 'specialist clinic', 'inpatient ward', 'community'];
const OUTCOMES = ['symptom score', 'response at 24 hours', 'remission at 4 weeks', 'pain intensity', 'relapse at 6 months', 'quality of life'];
const KINDS = ['systematic-review', 'meta-analysis', 'rct', 'cohort', 'narrative-review', 'guideline', 'news', 'blog', 'marketing', 'clinic-page'] as const;
const DESIGNS = ['rct', 'cohort', 'systematic-review', 'meta-analysis', 'case-series', 'cross-sectional', 'animal', 'narrative-review'] as const;
const NAMES = ['Harvard Medical School', 'NCBI', 'Yale School of Medicine', 'Nature', 'WSJ', 'the Mayo Clinic', 'a leading psychiatrist'];
const SURNAMES = ['Smith', 'Nguyen', 'Garcia', 'Okafor', 'Kowalski', 'Haddad', 'Tanaka', 'Berman', 'Murrough', 'Zarate', 'Sanacora', 'Krystal'];

/** A claim file as plain data, written as YAML by hand (block style, stable layout). */
interface Ref {
  id: string;
  authors: string[];
  title: string;
  venue: string;
  year: number;
  doi?: string;
  url?: string;
  design?: string;
}

function q(s: string): string {
  return JSON.stringify(s);
}

export function generateRegister(dir: string, opts: GenerateOptions = {}): GeneratedRegister {
  const total = opts.claims ?? 10_000;
  const fileCount = Math.max(1, opts.files ?? 100);
  const rand = rng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  /** Zipf-like: low indexes much more often (a few popular subjects, a long tail). */
  const zipf = <T>(xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(xs.length * rand() ** 2.2))]!;
  const chance = (p: number) => rand() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

  // The prevailing "truth" per key, so that most claims agree and some do not.
  const originDecade = new Map(SUBJECTS.map((s, i) => [s, 1930 + 10 * (i % 8)]));
  const schedule = new Map(SUBJECTS.map((s, i) => [s, ['schedule-ii', 'schedule-iii', 'schedule-iv', 'prescription-only'][i % 4]!]));
  const trialSizes = new Map<string, { total: number; parts: [number, number] }>();
  const planted = { valueConflicts: 0, directionConflicts: 0, badCounts: 0, danglingCites: 0 };

  mkdirSync(join(dir, 'claims'), { recursive: true });
  writeFileSync(
    join(dir, 'claimlint.config.yaml'),
    [
      '# A synthetic register written by scripts/generate-register.ts',
      'files:',
      '  - claims/**/*.{yaml,yml}',
      'vocabulary:',
      '  subjects:',
      '    esketamine: ["(s)-ketamine", spravato]',
      '    ketamine: [ketalar]',
      '  properties:',
      '    origin: [first-synthesized, developed]',
      '    treatment-resistant-depression: [trd]',
      '  terms:',
      '    emergency department: [ed, emergency room]',
      '',
    ].join('\n'),
  );

  const files: string[] = [];
  let written = 0;
  for (let f = 0; f < fileCount; f++) {
    const n = Math.floor((total * (f + 1)) / fileCount) - Math.floor((total * f) / fileCount);
    const sourceId = `source-${String(f).padStart(3, '0')}`;
    const kind = pick(KINDS);
    const year = int(2005, 2025);
    const lines: string[] = [`# Synthetic claim file ${f + 1} of ${fileCount} (scripts/generate-register.ts)`, 'source:'];
    lines.push(`  id: ${sourceId}`, `  title: ${q(`${pick(['Advances in', 'A review of', 'What we know about', 'New evidence on'])} ${pick(SUBJECTS)} for ${pick(CONDITIONS)} (${f + 1})`)}`);
    lines.push(`  kind: ${kind}`);
    if (['systematic-review', 'meta-analysis', 'rct', 'cohort', 'narrative-review', 'guideline'].includes(kind)) lines.push('  peer_reviewed: true');
    if (!chance(0.1)) lines.push(`  authors: [${q(`${pick(SURNAMES)} ${String.fromCharCode(65 + int(0, 25))}`)}]`);
    if (!chance(0.1)) lines.push(`  published: ${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`);
    if (!chance(0.05)) lines.push(`  url: https://example.org/${sourceId}`);

    // References: 10-40 numbered entries; one in five files lists a work twice; a few go unused.
    const refCount = int(10, 40);
    const refs: Ref[] = [];
    for (let r = 1; r <= refCount; r++) {
      const ref: Ref = {
        id: String(r),
        authors: [`${pick(SURNAMES)} ${String.fromCharCode(65 + int(0, 25))}`, `${pick(SURNAMES)} ${String.fromCharCode(65 + int(0, 25))}`],
        title: `${pick(['Efficacy of', 'Safety of', 'Mechanisms of', 'Long-term outcomes of'])} ${pick(SUBJECTS)} in ${pick(CONDITIONS)}: ${pick(['a randomized trial', 'a cohort study', 'a systematic review', 'a case series'])} ${f}-${r}`,
        venue: pick(['J Clin Psychiatry', 'Lancet Psychiatry', 'Pain', 'JAMA Psychiatry', 'Am J Psychiatry', 'Br J Anaesth']),
        year: int(1990, year),
      };
      if (chance(0.6)) ref.doi = `10.5555/synthetic.${f}.${r}`;
      else ref.url = `https://example.org/${sourceId}/ref-${r}`;
      if (opts.citeRegister && f > 0 && r % 10 === 0) {
        delete ref.doi;
        ref.url = `https://example.org/source-${String((f * 7 + r) % f).padStart(3, '0')}`;
      }
      if (chance(0.2)) ref.design = pick(DESIGNS);
      refs.push(ref);
    }
    if (chance(0.2) && refs.length > 2) refs.push({ ...refs[int(0, refs.length - 1)]!, id: String(refs.length + 1) });
    if (refs.length) {
      lines.push('  references:');
      for (const r of refs) {
        lines.push(`    - id: ${q(r.id)}`, `      authors: [${r.authors.map(q).join(', ')}]`, `      title: ${q(r.title)}`, `      venue: ${q(r.venue)}`, `      year: ${r.year}`);
        if (r.doi) lines.push(`      doi: ${r.doi}`);
        if (r.url) lines.push(`      url: ${r.url}`);
        if (r.design) lines.push(`      design: ${r.design}`);
      }
    }

    lines.push('', 'claims:');
    const citable = refs.slice(0, Math.max(1, refs.length - 3)); // the last entries stay uncited
    for (let c = 0; c < n; c++) {
      const subject = opts.oneGroup ? SUBJECTS[0]! : zipf(SUBJECTS);
      const roll = rand();
      const aspect = opts.oneGroup
        ? roll < 0.75
          ? 'efficacy'
          : 'history'
        : roll < 0.45 ? 'efficacy' : roll < 0.6 ? 'harm' : roll < 0.69 ? 'mechanism' : roll < 0.72 ? 'history' : roll < 0.86 ? 'prevalence' : roll < 0.92 ? 'regulatory' : 'dosing';
      let property: string;
      let value: string | undefined;
      let text: string;
      const context: string[] = [];
      let statistic = false;
      switch (aspect) {
        case 'efficacy': {
          property = opts.oneGroup ? 'depression' : zipf(CONDITIONS);
          const against = chance(opts.oneGroup ? 0.25 : 0.04);
          if (against) planted.directionConflicts++;
          const effect = against ? 'no-benefit' : chance(0.05) ? 'mixed' : 'benefit';
          const size = chance(opts.oneGroup ? 0.5 : 0.25) ? int(20, 75) : undefined;
          value = `{effect: ${effect}${size !== undefined ? `, size: {number: ${size}, unit: "%"}` : ''}}`;
          statistic = size !== undefined;
          text =
            effect === 'benefit'
              ? `${cap(subject)} ${pick(['reduced', 'improved', 'relieved'])} ${property.replace(/-/g, ' ')} symptoms${size !== undefined ? ` by ${size}%` : ''}`
              : effect === 'no-benefit'
                ? `${cap(subject)} was no better than placebo for ${property.replace(/-/g, ' ')}`
                : `Results for ${subject} in ${property.replace(/-/g, ' ')} were mixed`;
          if (chance(0.7)) context.push(`population: ${q(pick(POPULATIONS))}`);
          if (chance(0.6)) context.push(`intervention: {agent: ${subject}, route: ${pick(ROUTES)}}`);
          if (chance(0.3)) context.push('comparator: placebo');
          if (chance(0.5)) context.push(`outcome: ${q(pick(OUTCOMES))}`);
          if (chance(0.2)) context.push(`setting: ${q(pick(SETTINGS))}`);
          break;
        }
        case 'harm': {
          property = pick(HARMS);
          // Sources mostly agree on a rate (per subject and harm); a few report an outlier.
          const truth = 2 + ((SUBJECTS.indexOf(subject) * 7 + HARMS.indexOf(property) * 3) % 30);
          const outlier = chance(0.03);
          if (outlier) planted.valueConflicts++;
          const pct = outlier ? truth * 3 + 5 : truth;
          value = chance(0.5) ? '{effect: harm}' : `{number: ${pct}, unit: "%", bound: ${outlier ? 'exact' : pick(['about', 'up-to', 'exact'])}}`;
          statistic = value.startsWith('{number');
          text = statistic ? `Up to ${pct}% of patients on ${subject} reported ${property.replace(/-/g, ' ')}` : `${cap(subject)} can cause ${property.replace(/-/g, ' ')}`;
          if (chance(0.5)) context.push(`population: ${q(pick(POPULATIONS))}`);
          break;
        }
        case 'mechanism':
          property = pick(MECHANISMS);
          value = '{holds: true}';
          text = `${cap(subject)} acts through ${property.replace(/-/g, ' ')}`;
          break;
        case 'history': {
          property = opts.oneGroup ? 'depression' : 'origin';
          const truth = originDecade.get(subject)!;
          const off = chance(opts.oneGroup ? 0.4 : 0.05);
          if (off) planted.valueConflicts++;
          const decade = off ? truth + 10 * (opts.oneGroup ? int(1, 3) : 1) : truth;
          value = `{decade: ${decade}}`;
          text = `${cap(subject)} has been around since the ${decade}s`;
          break;
        }
        case 'prevalence': {
          const trial = int(1, 60);
          property = `enrolment-trial-${trial}`;
          const key = `${subject}/${trial}`;
          let size = trialSizes.get(key);
          if (!size) {
            const a = int(10, 200);
            const b = int(10, 200);
            size = { total: a + b, parts: [a, b] };
            trialSizes.set(key, size);
          }
          const bad = chance(0.02);
          if (bad) planted.badCounts++;
          const parts = bad ? [size.parts[0], size.parts[1] + 3] : size.parts;
          value = `{total: ${size.total}, parts: [${parts.join(', ')}]}`;
          statistic = true;
          text = `The trial enrolled ${size.total} patients, ${parts[0]} on ${subject} and ${parts[1]} on placebo`;
          break;
        }
        case 'regulatory': {
          property = 'us-schedule';
          const off = chance(0.01);
          if (off) planted.valueConflicts++;
          const category = off ? 'over-the-counter' : schedule.get(subject)!;
          value = `{category: ${category}}`;
          text = `In the United States ${subject} is ${category.replace(/-/g, ' ')}`;
          break;
        }
        default: {
          property = 'infusion-dose';
          const lo = int(1, 5) / 10;
          value = `{range: [${lo}, ${lo + 0.5}], unit: "mg/kg"}`;
          statistic = true;
          text = `The usual dose of ${subject} is ${lo}-${lo + 0.5} mg/kg`;
          context.push(`intervention: {agent: ${subject}, route: intravenous}`);
        }
      }

      lines.push(`  - id: claim-${String(c).padStart(4, '0')}`);
      lines.push(`    text: ${q(text)}`);
      lines.push(`    at: ${q(`Section ${1 + Math.floor(c / 10)}, paragraph ${1 + (c % 10)}`)}`);
      lines.push(`    subject: ${subject}`, `    aspect: ${aspect}`, `    property: ${property}`);
      if (value) lines.push(`    value: ${value}`);
      if (context.length) lines.push('    context:', ...context.map((x) => `      ${x}`));

      const ev = rand();
      if (ev < 0.72) {
        const cites = new Set<string>();
        for (let k = int(1, 3); k > 0; k--) cites.add(pick(citable).id);
        if (chance(0.01)) {
          cites.add(String(refs.length + 10)); // a reference the source does not define
          planted.danglingCites++;
        }
        lines.push('    evidence:', `      - cites: [${[...cites].map(q).join(', ')}]`);
        if (chance(0.15)) lines.push(`        design: ${pick(DESIGNS)}`, `        n: ${int(12, 900)}`);
      } else if (ev < 0.82) {
        lines.push('    evidence:', '      - kind: named-source', `        name: ${q(pick(NAMES))}`);
      } else if (ev < 0.85) {
        lines.push('    evidence:', '      - kind: testimonial', `        quote: ${q(`It changed my life (patient ${c})`)}`);
      } else if (ev < 0.9 && !statistic) {
        lines.push('    evidence:', '      - kind: own-study', `        design: ${pick(DESIGNS)}`);
      }
      // else: no evidence at all (evidence/none, or evidence/unsourced-statistic for numbers)
      lines.push('');
      written++;
    }
    const rel = `claims/${sourceId}.yaml`;
    writeFileSync(join(dir, rel), `${lines.join('\n').trimEnd()}\n`);
    files.push(rel);
  }
  return { files, claims: written, planted };
}

function cap(s: string): string {
  const t = s.replace(/-/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}


if (isMainModule(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      claims: { type: 'string' },
      files: { type: 'string' },
      seed: { type: 'string' },
      'one-group': { type: 'boolean' },
      'cite-register': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stdout.write('Usage: npx tsx scripts/generate-register.ts <dir> [--claims 10000] [--files 100] [--seed 1] [--one-group] [--cite-register]\n');
    process.exit(values.help ? 0 : 2);
  }
  const num = (s: string | undefined, name: string, dflt: number): number => {
    if (s === undefined) return dflt;
    if (!/^\d+$/.test(s) || Number(s) < 1) {
      process.stderr.write(`generate-register: --${name} expects a positive whole number, got "${s}"\n`);
      process.exit(2);
    }
    return Number(s);
  };
  const dir = resolve(positionals[0]!);
  const result = generateRegister(dir, {
    claims: num(values.claims, 'claims', 10_000),
    files: num(values.files, 'files', 100),
    seed: num(values.seed, 'seed', 1),
    oneGroup: values['one-group'] ?? false,
    citeRegister: values['cite-register'] ?? false,
  });
  process.stdout.write(
    `Wrote ${result.claims} claims in ${result.files.length} files to ${dir} ` +
      `(planted: ${result.planted.valueConflicts} value conflicts, ${result.planted.directionConflicts} no-benefit claims, ` +
      `${result.planted.badCounts} counts that do not add up, ${result.planted.danglingCites} dangling citations)\n`,
  );
}
