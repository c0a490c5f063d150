import { pointer, type OpenApiDocument } from '../openapi/index.ts';
import { GeneratorError } from '../errors.ts';

/** A path template: literal text without braces, and `{name}` placeholders whose names have none. */
const PATH_TEMPLATE = /^(?:[^{}]|\{[^{}]+\})*$/;

/**
 * Fails on a path the runtime could never fill: a stray `{` or `}` in a segment, or a placeholder
 * whose parameter name holds one (`/a/{{id}}`). The runtime finds placeholders as `{…}`, so such an
 * operation would throw before every request; found here, it names the place instead. (A declared
 * path parameter that is not in the template was already removed by the path-parameters pass.)
 */
export function assertPathTemplatesFillable(doc: OpenApiDocument, file: string): void {
  for (const path of Object.keys(doc.paths ?? {})) {
    if (PATH_TEMPLATE.test(path)) continue;
    throw new GeneratorError(
      { file: `${file} (normalised)`, pointer: pointer('paths', path) },
      `the path ${JSON.stringify(path)} has a "{" or "}" that does not enclose a parameter name, so no request could fill it; write each parameter as {name}, with no braces in the name and none elsewhere (an overlay can rename the path)`,
    );
  }
}
