/** Small helpers that make messages read as sentences. */

/** "1 claim", "9 claims". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "6", "6 and 8", "6, 8 and 9". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "reference 8", "references 6 and 8". */
export function namedList(singular: string, items: readonly string[], plural = `${singular}s`): string {
  return `${items.length === 1 ? singular : plural} ${andList(items)}`;
}
