// The dependency rule, checked by `npm test` (npm run lint:deps): every folder imports only the folders below it.
//
//   domain ← contract ← store, dashboards ← sources ← pipeline ← runtime ← cli, api, aws ← functions, infra
//                                    (demo: the sample generator, above sources, used by cli only)
//
// domain is the kernel (types, figures, the results contract, error codes); nothing below the orchestrator imports
// upward, and the three front ends (cli, api, aws) never import one another, except that the command line serves
// the API (`serve`).
const below = (...folders) => `^shared/(?!(${folders.join('|')})/)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-the-kernel',
      severity: 'error',
      comment: 'domain imports no other folder',
      from: { path: '^shared/domain/' },
      to: { path: below('domain') },
    },
    {
      name: 'contract-over-domain',
      severity: 'error',
      from: { path: '^shared/contract/' },
      to: { path: below('domain', 'contract') },
    },
    {
      name: 'store-over-contract',
      severity: 'error',
      from: { path: '^shared/store/' },
      to: { path: below('domain', 'contract', 'store') },
    },
    {
      name: 'dashboards-over-contract',
      severity: 'error',
      from: { path: '^shared/dashboards/' },
      to: { path: below('domain', 'contract', 'dashboards') },
    },
    {
      name: 'sources-over-store-and-layout',
      severity: 'error',
      from: { path: '^shared/sources/' },
      to: { path: below('domain', 'contract', 'store', 'dashboards', 'sources') },
    },
    {
      name: 'demo-over-sources',
      severity: 'error',
      from: { path: '^shared/demo/' },
      to: { path: below('domain', 'contract', 'dashboards', 'sources', 'demo') },
    },
    {
      name: 'pipeline-over-sources',
      severity: 'error',
      from: { path: '^shared/pipeline/' },
      to: { path: below('domain', 'contract', 'store', 'dashboards', 'sources', 'pipeline') },
    },
    {
      name: 'runtime-over-pipeline',
      severity: 'error',
      from: { path: '^shared/runtime/' },
      to: { path: below('domain', 'contract', 'store', 'dashboards', 'sources', 'pipeline', 'runtime') },
    },
    {
      name: 'api-not-cli-aws',
      severity: 'error',
      from: { path: '^shared/api/' },
      to: { path: '^shared/(cli|aws|demo)/' },
    },
    {
      name: 'aws-not-cli-api',
      severity: 'error',
      comment: 'the Lambdas are not built on the command line or the API',
      from: { path: '^shared/aws/' },
      to: { path: '^shared/(cli|api|demo)/' },
    },
    { name: 'cli-not-aws', severity: 'error', from: { path: '^shared/cli/' }, to: { path: '^shared/aws/' } },
    {
      name: 'functions-not-cli',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^shared/(cli|demo)/' },
    },
    {
      name: 'infra-only-names-and-table',
      severity: 'error',
      comment: 'the CDK app takes names and the table schema, no runtime code',
      from: { path: '^infra/' },
      to: { path: '^shared/(?!(aws/names|store/table|domain)\\b)' },
    },
    {
      name: 'only-store-talks-to-dynamodb',
      severity: 'error',
      comment:
        'shared/store owns the table: every item kind is declared in store/entities.ts and read and written there',
      from: { path: '^(shared|functions|infra)/', pathNot: '^shared/store/' },
      to: { path: '@aws-sdk/(client-dynamodb|lib-dynamodb|util-dynamodb)' },
    },
    {
      name: 'no-tests-in-product',
      severity: 'error',
      from: { path: '^(shared|functions|infra)/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'no module imports itself back, through any path',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules is not followed but kept, so rules can name the packages a folder may import.
    exclude: { path: '(^cdk\\.out|\\.d\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type pulled from above is a dependency on above all the same.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
  },
};
