/**
 * claimlint lsp in a real editor: Neovim (Debian's `neovim`, installed by
 * .ci/run) runs headless with its built-in LSP client, opens a claim file,
 * receives the diagnostics, then edits the buffer and receives the conflict
 * the edit makes. A Lua script records what Neovim itself holds.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, project } from '../helpers/cli.js';

const ALPHA = `source:
  id: alpha
  title: Alpha review
  kind: narrative-review
  published: 2020
  url: https://example.org/alpha
  authors: [A. Author]
claims:
  - id: first-synthesis
    text: "Ketamine was first synthesised in 1962."
    subject: ketamine
    aspect: history
    property: first-synthesis
    value: {year: 1962}
    evidence:
      - kind: named-source
        name: the manufacturer
`;

const BETA = `source:
  id: beta
  title: Beta blog
  kind: blog
  published: 2021
claims:
  - id: first-synthesis
    text: "Ketamine was first made in 1962."
    subject: ketamine
    aspect: history
    property: first-synthesis
    value: {year: 1962}
`;

// Neovim's side: attach the server to the buffer, wait for diagnostics, edit line 12, wait for the conflict.
const SCRIPT = `
local function record(buf)
  local rows = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(rows, { line = d.lnum, col = d.col, severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code })
  end
  return rows
end
local function has(buf, code)
  for _, d in ipairs(record(buf)) do if d.code == code then return true end end
  return false
end
vim.cmd('edit claims/beta.yaml')
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'claimlint', cmd = { 'node', os.getenv('CLAIMLINT_BIN'), 'lsp' }, root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(buf, id)
local opened = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local before = record(buf)
vim.api.nvim_buf_set_lines(buf, 11, 12, false, { '    value: {year: 1990}' })
local edited = vim.wait(30000, function() return has(buf, 'conflict/value') end, 50)
local after = record(buf)
vim.fn.writefile({ vim.fn.json_encode({ opened = opened, edited = edited, before = before, after = after }) }, os.getenv('OUT'))
vim.lsp.stop_client(id)
vim.cmd('qa!')
`;

interface Row {
  line: number;
  col: number;
  severity: number;
  message: string;
  source: string;
  code: string;
}

describe('claimlint lsp in Neovim', () => {
  beforeAll(() => {
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (nvim.error) {
      throw new Error('The language server is tested in Debian\'s Neovim, and `nvim` is missing: run `apt-get install neovim` (as root; .ci/run does it) and run the tests again.');
    }
  });

  it('receives diagnostics for an open claim file, and the conflict an edit makes', () => {
    const dir = project({ 'claims/alpha.yaml': ALPHA, 'claims/beta.yaml': BETA, 'check.lua': SCRIPT });
    const out = join(dir, 'out.json');
    writeFileSync(out, '');
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-S', 'check.lua'], {
      cwd: dir,
      env: { ...process.env, OUT: out, CLAIMLINT_BIN: BIN },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(readFileSync(out, 'utf8')) as { opened: boolean; edited: boolean; before: Row[]; after: Row[] };
    expect(got.opened).toBe(true);
    expect(got.before).toContainEqual({
      line: 7,
      col: 10,
      severity: 2, // vim.diagnostic.severity.WARN
      source: 'claimlint',
      code: 'evidence/none',
      message: 'Claim "first-synthesis" (history) gives no evidence: cite a reference or record where it comes from',
    });
    expect(got.edited).toBe(true);
    expect(got.after).toContainEqual(
      expect.objectContaining({ line: 11, severity: 1, code: 'conflict/value', message: expect.stringContaining('1990 here, 1962 in alpha/first-synthesis') }),
    );
  }, 120_000);
});
