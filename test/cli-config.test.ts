/** Configuration end to end: user rule folders, upward search, per-glob overrides, vocabularies. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimlint, project } from './helpers/cli.js';
import { yaml } from './helpers/rule-tester.js';

const source = (id: string, kind: string, claims: string) => yaml`
  source:
    id: ${id}
    title: Source ${id}
    kind: ${kind}
    authors: [A Writer]
    published: 2024-01-01
    url: https://example.org/${id}
  claims:
${claims}`;

const opinion = `
  - id: opinion
    text: "Experts agree ketamine works for pain."
    subject: ketamine
    aspect: history
    property: expert-view
    evidence:
      - kind: expert-opinion
        name: a panel
`;

const bare = `
  - id: bare
    text: "Ketamine is one of the oldest medications around."
    subject: ketamine
    aspect: history
    property: age
`;

type Out = { findings: Array<{ rule: string; severity: string; file: string; message: string }> };
const json = (args: string[], cwd: string) => JSON.parse(claimlint([...args, '--format', 'json'], { cwd }).stdout) as Out;

describe('configuration', () => {
  it('a user rule folder adds a YAML rule that extends a built-in check kind, with its own message', () => {
    const cwd = project({
      'claims/a.yaml': source('a', 'blog', opinion),
      'claimlint.config.yaml': 'ruleFolders: [house-rules]\n',
      'house-rules/opinion-only.yaml': yaml`
        id: house/opinion-only
        extends: evidence-only
        severity: error
        summary: Claims resting only on expert opinion
        message: 'Claim "{{id}}" rests only on {{kinds}}: add a study before publishing'
        options:
          aspects: [history]
          kinds: [expert-opinion]
          asData: false
      `,
    });
    const r = claimlint(['--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    const house = (JSON.parse(r.stdout) as Out).findings.filter((f) => f.rule === 'house/opinion-only');
    expect(house).toMatchObject([{ severity: 'error', message: 'Claim "opinion" rests only on expert opinions: add a study before publishing' }]);
    expect(claimlint(['rules'], { cwd }).stdout).toMatch(/^house\/opinion-only\s+error\s+Claims resting only on expert opinion$/m);
  });

  it('claimlint rules shows a user rule summary as text, not terminal control', () => {
    const cwd = project({
      'claims/a.yaml': source('a', 'blog', bare),
      'claimlint.config.yaml': 'ruleFolders: [house]\n',
      'house/x.yaml': 'id: house/x\nextends: evidence-missing\nseverity: info\nsummary: "clears \\e[2J the screen"\n',
    });
    const r = claimlint(['rules'], { cwd });
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toMatch(/^house\/x\s+info\s+clears \\x1b\[2J the screen$/m);
  });

  it('is found upward from the working directory, and its paths are relative to it', () => {
    const cwd = project({
      'claims/a.yaml': source('a', 'blog', bare),
      'claimlint.config.yaml': 'rules:\n  evidence/none: error\n',
    });
    const r = claimlint(['--format', 'json'], { cwd: join(cwd, 'claims') });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Out).findings.map((f) => `${f.rule} ${f.severity} ${f.file}`)).toEqual(['evidence/none error a.yaml']);
  });

  it('per-glob overrides change severities for the files they match only', () => {
    const cwd = project({
      'claims/blog.yaml': source('blog', 'blog', bare),
      'claims/marketing/page.yaml': source('page', 'marketing', bare),
      'claimlint.config.yaml': 'overrides:\n  - files: ["claims/marketing/**"]\n    rules:\n      evidence/none: off\n',
    });
    expect(json([], cwd).findings.map((f) => `${f.rule} ${f.file}`)).toEqual(['evidence/none claims/blog.yaml']);
  });

  it('vocabulary aliases make different names meet', () => {
    const claim = (subject: string, decade: number) => `
  - id: origin
    text: "It dates from the ${decade}s."
    subject: ${subject}
    aspect: history
    property: origin
    value: { decade: ${decade} }
    evidence:
      - kind: named-source
        name: somebody
`;
    const files = { 'claims/a.yaml': source('a', 'blog', claim('Spravato', 1990)), 'claims/b.yaml': source('b', 'blog', claim('esketamine', 2010)) };
    expect(json([], project(files)).findings.filter((f) => f.rule === 'conflict/value')).toEqual([]);
    const aliased = project({ ...files, 'claimlint.config.yaml': 'vocabulary:\n  subjects:\n    esketamine: [spravato]\n' });
    expect(json([], aliased).findings.filter((f) => f.rule === 'conflict/value')).toHaveLength(1);
  });
});
