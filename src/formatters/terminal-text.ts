/**
 * Make untrusted text (claim text, file names) safe to print on a terminal:
 * control characters, including ESC that starts colour and cursor sequences,
 * are shown as visible escapes instead of being interpreted.
 */
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function terminalSafe(s: string): string {
  // Most text has nothing to escape: one scan, no copy.
  if (!TERMINAL_UNSAFE.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  }).replace(/[\r\n\t]+/g, ' ');
}

/** Visible width of a string, ignoring ANSI colour sequences. */
export function visibleWidth(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/**
 * Control characters other than tab, line feed and carriage return (C0, DEL,
 * C1), line and paragraph separators, and bidirectional overrides and
 * isolates ("Trojan Source"), shown as visible `\xNN` / `\uNNNN` escapes.
 * Line breaks are left to the caller (each output format has its own way).
 */
export function escapeInvisible(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
