/** The registry of output formats, by the name `--format` takes. */
import type { Formatter } from './types.js';

const loaders: Record<string, () => Promise<{ default: Formatter }>> = {
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

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const load = loaders[name];
  return load ? (await load()).default : undefined;
}

export type { Formatter, FormatterContext } from './types.js';
