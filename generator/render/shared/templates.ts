import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { cleanProse } from './doc-comments.ts';
import { jsonValue, markdownCode, markdownText } from './escape.ts';

export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../templates');

/**
 * Handlebars with HTML escaping off: our outputs are JSON, Markdown and TS, and each context gets
 * its own escaping helper (`json`, `md`, `code`, all from escape.ts), so spec text is inert wherever
 * it lands. Triple-stash values are source text the renderers built from escaped parts.
 */
const hbs = Handlebars.create();
hbs.registerHelper('json', (value: unknown) => jsonValue(value));
hbs.registerHelper('md', (value: unknown) => markdownText(cleanProse(String(value ?? ''))));
hbs.registerHelper('code', (value: unknown) => markdownCode(String(value ?? '')));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Renders `templates/package/<name>` with `data` (templates are read and compiled once per process). */
export function renderTemplate(name: string, data: object): string {
  let template = compiled.get(name);
  if (!template) {
    template = hbs.compile(readFileSync(path.join(TEMPLATES_DIR, 'package', name), 'utf8'), { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(data);
}

/** What the package's `package.json` carries about where it came from. */
export interface PackageInfo {
  readonly version: string;
  readonly specVersion: string;
  readonly specHash: string;
  /** The spec file, relative to the project root. */
  readonly specPath: string;
}
