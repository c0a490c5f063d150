/**
 * The generator's architecture as dependency-cruiser rules (the config is `.dependency-cruiser.cjs`), checked by dependency-cruiser in `npm test`
 * (test/architecture.test.ts) and by `npm run architecture`.
 *
 * Stages, top to bottom: each imports only what lies below it (or its own folder).
 *   cli → use-cases → scheduler → engine → render → model → normalise → load
 * (use-cases with release/, sync/ and cache/, the commands' own logic; load with import-docs/,
 * config/ and workspace.ts, which turn files into sources).
 * Leaves, imported by any stage and importing no stage: openapi/, naming/, errors.ts, write/.
 * The runtime and test kit shipped in packages (templates/) import nothing from the generator.
 */
const LAYERS = [
  ['cli', ['cli']],
  ['use-cases', ['use-cases', 'release', 'sync', 'cache']],
  ['scheduler', ['scheduler']],
  ['engine', ['engine']],
  ['render', ['render']],
  ['model', ['model']],
  ['normalise', ['normalise']],
  ['load', ['load', 'import-docs', 'config', 'workspace']],
];
const LEAVES = ['openapi', 'naming', 'errors', 'write'];

/** The rule set for a generator rooted at `root` (a path relative to the working directory). */
function architectureRules(root = 'generator') {
  const folders = (names) => `^${root}/(${names.join('|')})(/|\\.ts$)`;
  const forbidden = [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes the modules in it one module: break it by moving the shared part down.',
      from: {},
      to: { circular: true },
    },
  ];
  LAYERS.forEach(([name, dirs], index) => {
    const above = LAYERS.slice(0, index).flatMap(([, d]) => d);
    if (above.length === 0) return;
    forbidden.push({
      name: `layer-${name}`,
      severity: 'error',
      comment: `${name} imports only what lies below it: not ${LAYERS.slice(0, index).map(([n]) => n).join(', ')}`,
      from: { path: folders(dirs) },
      to: { path: folders(above) },
    });
  });
  forbidden.push({
    name: 'leaves-import-no-stage',
    severity: 'error',
    comment: 'openapi/, naming/, errors.ts and write/ are leaves: every stage may import them, they import no stage',
    from: { path: folders(LEAVES) },
    to: { path: `^${root}/`, pathNot: folders(LEAVES) },
  });
  forbidden.push({
    name: 'runtime-imports-no-generator',
    severity: 'error',
    comment: 'templates/ ships inside every package: it cannot depend on the generator',
    from: { path: '^templates/' },
    to: { path: `^${root}/` },
  });
  return forbidden;
}

module.exports = { architectureRules, LAYERS, LEAVES };
