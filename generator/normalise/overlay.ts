import { isObject } from '../openapi/index.ts';
import { readFile } from 'node:fs/promises';
import { GeneratorError } from '../errors.ts';
import { parseDocumentText } from '../load/load-document.ts';

export interface OverlayResult {
  readonly document: Record<string, unknown>;
  readonly applied: string[];
}

/**
 * Applies an OpenAPI Overlay 1.0 document (openapi-format implements the standard). Corrections
 * that no rule can infer live there, one reviewable action each. An action that matches nothing
 * is an error: a stale correction must not pass silently.
 */
export async function applyOverlay(document: Record<string, unknown>, overlayFile: string): Promise<OverlayResult> {
  const overlay = parseDocumentText(await readFile(overlayFile, 'utf8'), overlayFile);
  if (!isObject(overlay) || typeof overlay.overlay !== 'string' || !/^1\.[01]\./.test(overlay.overlay)) {
    throw new GeneratorError({ file: overlayFile, pointer: '/overlay' }, 'not an OpenAPI Overlay 1.0 document ("overlay": "1.0.0" expected)');
  }
  if (!Array.isArray(overlay.actions)) throw new GeneratorError({ file: overlayFile, pointer: '/actions' }, '"actions" must be an array');
  overlay.actions.forEach((action, index) => {
    if (!isObject(action) || typeof action.target !== 'string' || (action.update === undefined && action.remove !== true)) {
      throw new GeneratorError({ file: overlayFile, pointer: `/actions/${index}` }, 'each action needs a "target" and an "update" or "remove: true"');
    }
  });
  // Loaded on first use: only providers with an overlay need it.
  const { openapiOverlay } = await import('openapi-format');
  const { data, resultData } = await openapiOverlay(structuredClone(document), { overlaySet: overlay as never });
  const unused = resultData.unusedActions as Record<string, unknown>[];
  if (unused.length > 0) {
    const index = overlay.actions.indexOf(unused[0]);
    throw new GeneratorError(
      { file: overlayFile, pointer: `/actions/${index}` },
      `overlay action targets ${JSON.stringify(unused[0]?.target)}, which matches nothing in the document`,
    );
  }
  const applied = (overlay.actions as Record<string, unknown>[]).map(
    (a) => `${typeof a.description === 'string' ? `${a.description} ` : ''}(${a.remove === true ? 'remove' : 'update'} ${String(a.target)})`,
  );
  return { document: data as Record<string, unknown>, applied };
}
