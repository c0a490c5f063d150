/** dependency-cruiser's configuration: the rules are in test/helpers/architecture-rules.cjs, where the test reads them too. */
const { architectureRules } = require('./test/helpers/architecture-rules.cjs');

module.exports = {
  forbidden: architectureRules(),
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
  },
};
