/** The registry of output formats, by the name `--format` takes. */
import type { AnyFormatter } from './types.js';

const loaders: Record<string, () => Promise<{ default: AnyFormatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  compact: () => import('./compact.js'),
  github: () => import('./github.js'),
  sarif: () => import('./sarif.js'),
  markdown: () => import('./markdown.js'),
  junit: () => import('./junit.js'),
  html: () => import('./html.js'),
};

export const FORMAT_NAMES = Object.keys(loaders);

export async function loadFormatter(name: string): Promise<AnyFormatter | undefined> {
  const load = loaders[name];
  return load ? (await load()).default : undefined;
}

export type { AnyFormatter, Formatter, FormatterContext, StreamingFormatter } from './types.js';
export { bytesOf, chunksOf, outputText, writeReportAtomic, type FormatterOutput } from './sink.js';
