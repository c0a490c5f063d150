import { listOperations, pointer } from '../../openapi/index.ts';
import type { OpenAPIV3 } from 'openapi-types';
import { type NormalisePass } from '../pass.ts';
import { parameterSchema } from './query-fields-to-body.ts';

/**
 * Parameters that repeat a path parameter's name are removed (HostBill pages list path ids in the
 * same table as everything else), and an `x-schema` attached by the importer replaces the
 * parameter's plain Swagger 2.0 type, which cannot express unions or maps.
 */
export const parameterSchemasPass: NormalisePass = {
  name: 'parameter-schemas',
  rule: 'Query parameters that repeat a path parameter are removed; x-schema replaces a parameter\'s schema.',
  hostbillOnly: true,
  run(doc, ctx) {
    for (const { path, method, operation } of listOperations(doc)) {
      // Parameters that are no list are left for validation to name.
      if (operation.parameters !== undefined && !Array.isArray(operation.parameters)) continue;
      const params = (operation.parameters ?? []) as OpenAPIV3.ParameterObject[];
      const pathNames = new Set(params.filter((p) => p.in === 'path').map((p) => p.name));
      operation.parameters = params.filter((p, index) => {
        if (p.in !== 'path' && pathNames.has(p.name)) {
          ctx.record(`${p.in} parameter ${p.name} repeats the path parameter; dropped`, pointer('paths', path, method, 'parameters', index));
          return false;
        }
        const record = p as unknown as Record<string, unknown>;
        if (record['x-schema'] !== undefined) {
          p.schema = parameterSchema({ ...p, description: undefined } as OpenAPIV3.ParameterObject);
          delete record['x-schema'];
          ctx.record(`parameter ${p.name} uses its x-schema`, pointer('paths', path, method, 'parameters', index));
        }
        return true;
      });
      if (operation.parameters.length === 0) delete operation.parameters;
    }
  },
};
