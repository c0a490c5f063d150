// Preloaded with `--import` by modules-loaded.ts: appends every module URL the process resolves to the
// file named by CLIENTGEN_TRACE_MODULES, one per line.
import { register } from 'node:module';

register(new URL('./trace-modules-hooks.mjs', import.meta.url), { data: { file: process.env.CLIENTGEN_TRACE_MODULES } });
