import type { ProviderConfig } from '../config/provider-config.ts';
import { renderTemplate, type PackageInfo } from './shared/templates.ts';

/** `package.json` of the generated package. */
export function renderPackageJson(provider: ProviderConfig, info: PackageInfo): string {
  return renderTemplate('package.json.hbs', {
    ...info,
    packageName: provider.packageName,
    providerId: provider.id,
    description: `Typed TypeScript client for the ${provider.displayName} API`,
  });
}

/** `tsconfig.json` of the generated package (what `npm run build` compiles with). */
export function renderTsconfig(): string {
  return renderTemplate('tsconfig.json.hbs', {});
}
