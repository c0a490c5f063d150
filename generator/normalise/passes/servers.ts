import type { NormalisePass } from '../pass.ts';

/** The provider's base URL (provider.json) is the document's one server. */
export const serversPass: NormalisePass = {
  name: 'servers',
  rule: "The document's server is the provider's base URL from provider.json.",
  hostbillOnly: true,
  run(doc, ctx) {
    const url = ctx.provider.baseUrl;
    const before = (doc.servers ?? []).map((s) => s.url).join(', ');
    if (before === url) return;
    doc.servers = [{ url }];
    ctx.record(`servers ${before || '(none)'} → ${url}`, '/servers');
  },
};
