/** `claimlint lsp`: the language server, on standard input and output (src/lsp/). */
import type { Command } from './types.js';

const HELP = `Usage: claimlint lsp [--stdio]

Run claimlint as a language server on standard input and output, for
editors: diagnostics while typing across the whole register, hover,
completion, go to definition and quick fixes. Setup for Neovim, Helix,
Emacs (eglot) and VS Code: docs/editors.md.`;

const lsp: Command = {
  name: 'lsp',
  summary: 'a language server on stdin/stdout, for editors',
  usage: 'claimlint lsp',
  help: HELP,
  async run(argv, io) {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    return (await import('../lsp/server.js')).runLanguageServer(argv);
  },
};

export default lsp;
