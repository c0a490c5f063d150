import { createRequire } from 'node:module';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/**
 * The layering in .dependency-cruiser.cjs, checked by dependency-cruiser itself: the real tree has
 * no violation, and the same rules catch a planted cycle, a stage importing the stage above it and a
 * leaf importing a stage (test/fixtures/architecture/generator/).
 */
const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs') as { forbidden: unknown[]; options: Record<string, unknown> };
const { architectureRules } = require('./helpers/architecture-rules.cjs') as { architectureRules: (root: string) => unknown[] };

async function violations(paths: string[], forbidden: unknown[]): Promise<IViolation[]> {
  const { output } = await cruise(paths, { ...config.options, validate: true, ruleSet: { forbidden } } as never);
  return (output as ICruiseResult).summary.violations;
}

const describeViolation = (v: IViolation): string => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle ${v.cycle.map((c) => c.name).join(' → ')})` : ''}`;

describe('architecture', () => {
  it('the generator and the runtime keep every rule', async () => {
    expect((await violations(['generator', 'templates'], config.forbidden)).map(describeViolation)).toEqual([]);
  });

  it('the rules fail on a planted cycle, an upward import and a leaf importing a stage, naming the import', async () => {
    const root = 'test/fixtures/architecture/generator';
    const found = (await violations([root], architectureRules(root))).map(describeViolation);
    expect(found).toContain(`layer-model: ${root}/model/planted.ts → ${root}/render/planted.ts`);
    expect(found).toContain(`leaves-import-no-stage: ${root}/openapi/planted.ts → ${root}/model/planted.ts`);
    expect(found.some((v) => v.startsWith(`no-circular: ${root}/model/planted.ts → ${root}/render/planted.ts`))).toBe(true);
  });
});
