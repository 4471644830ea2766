import { defineCheck } from '../engine/run/check.js';
import { NO_OPTIONS } from './option-schemas.js';

/** Reports files the YAML parser rejects, at the parser's position. */
export default defineCheck({
  name: 'yaml-syntax',
  summary: 'A claim file that is not valid YAML',
  optionsSchema: NO_OPTIONS,
  defaultOptions: {},
  messages: {
    default: 'Invalid YAML: {{error}}. Fix the syntax; the file is skipped until then',
    unreadable: 'The file cannot be read: {{error}}. The file is skipped until then',
    encoding: 'The file cannot be read as text: {{error}}. The file is skipped until then',
  },
  run({ register, report }) {
    for (const file of register.files) {
      for (const e of file.syntaxErrors) report({ file, range: e.range, data: { error: e.message }, ...(e.messageId ? { messageId: e.messageId } : {}) });
    }
  },
});
