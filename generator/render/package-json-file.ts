import { createRequire } from 'node:module';
import type { ProviderConfig } from '../config/provider-config.ts';
import type { ClientModel } from '../model/operation-model.ts';
import { jsonValue } from './shared/escape.ts';
import { renderTemplate, type PackageInfo } from './shared/templates.ts';

/** Where the providers of this repository's `specs/` are published from (npm provenance needs it). */
const CLIENTGEN_REPOSITORY = 'git+https://github.com/clientgen/clientgen.git';

/** The TypeScript the generator compiles with is the one the package builds with (its only devDependency). */
let typescriptVersion: string | undefined;
function generatorTypescriptVersion(): string {
  typescriptVersion ??= (createRequire(import.meta.url)('typescript/package.json') as { version: string }).version;
  return typescriptVersion;
}

/**
 * A provider of this repository (its spec under `specs/`) is published from here; a package made from
 * any other document names a repository only when one is given.
 */
function repositoryOf(provider: ProviderConfig, info: PackageInfo): object | undefined {
  if (provider.repository !== undefined) return { type: 'git', url: provider.repository };
  if (info.specPath.startsWith('specs/')) return { type: 'git', url: CLIENTGEN_REPOSITORY, directory: `generated/${provider.id}` };
  return undefined;
}

/** npm shows the description as plain text: Markdown links keep their text, and a long line ends at a word. */
function plainLine(line: string, max: number): string {
  const plain = line.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** The document's own summary or description (its first line), else a sentence naming the API. */
function descriptionOf(provider: ProviderConfig, model: ClientModel | undefined): string {
  const own = (model?.document.summary ?? model?.document.description)?.split(/\r?\n/).find((line) => line.trim() !== '')?.trim();
  return own && !provider.hostbill ? plainLine(own, 200) : `Typed TypeScript client for the ${provider.displayName} API`;
}

/** `package.json` of the generated package. */
export function renderPackageJson(provider: ProviderConfig, info: PackageInfo, model?: ClientModel): string {
  const repository = repositoryOf(provider, info);
  const keywords = [...(provider.hostbill ? ['hostbill'] : []), 'api', 'client', 'sdk', provider.id];
  return renderTemplate('package.json.hbs', {
    ...info,
    packageName: provider.packageName,
    description: descriptionOf(provider, model),
    repository: repository ? jsonValue(repository) : undefined,
    keywords: jsonValue([...new Set(keywords)]),
    typescriptVersion: generatorTypescriptVersion(),
  });
}

/** `tsconfig.json` of the generated package (the ESM build `npm run build` compiles first). */
export function renderTsconfig(): string {
  return renderTemplate('tsconfig.json.hbs', {});
}

/** `tsconfig.cjs.json`: the CommonJS build beside the ESM one, for projects that still `require()`. */
export function renderCjsTsconfig(): string {
  return renderTemplate('tsconfig.cjs.json.hbs', {});
}

/**
 * `testing/package.json`: where resolvers that predate `exports` (TypeScript's `node10`, older bundlers)
 * find the `./testing` entry.
 */
export function renderTestingPackageJson(): string {
  return renderTemplate('testing-package.json.hbs', {});
}
