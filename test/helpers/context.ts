import type { ProviderConfig } from '../../generator/config/provider-config.ts';
import type { PassContext, ReportEntry } from '../../generator/normalise/pass.ts';

export const hostbillProvider: ProviderConfig = {
  id: 'acme',
  displayName: 'Acme Hosting',
  packageName: '@clientgen/acme',
  baseUrl: 'https://my.acme.test/api',
  auth: ['basic', 'jwt'],
  hostbill: true,
};

/** A pass context that collects what the pass reports. */
export function collectingContext(provider: ProviderConfig = hostbillProvider): PassContext & { entries: ReportEntry[] } {
  const entries: ReportEntry[] = [];
  return {
    provider,
    file: 'spec.json',
    entries,
    record: (message, pointer) => entries.push({ pass: 'test', kind: 'change', message, pointer }),
    warn: (message, pointer) => entries.push({ pass: 'test', kind: 'warning', message, pointer }),
  };
}
