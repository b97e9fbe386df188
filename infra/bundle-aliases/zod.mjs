// What a Lambda bundle gets for `import … from 'zod'` (esbuild's alias: see BUNDLE_ALIASES in infra/function.ts).
//
// zod's own entry exports `z`, a namespace object holding all of zod, its ~40 message locales included, and esbuild
// keeps every part of a namespace that is used as a value: ~440 KB in every bundle. Our code imports zod as a
// namespace (`import * as z from 'zod'`, the lint rule forbids `import { z }`), so esbuild keeps only what it calls,
// and zod's English messages (the default it configures when it loads). The one package that imports `{ z }`,
// @hono/zod-openapi, reads only `z.ZodType` (to add `.openapi()` to every schema), so that is all `z` holds here.
//
// The path into node_modules is relative because the alias also rewrites 'zod/…' imports.
export * from '../../node_modules/zod/v4/classic/external.js';
import { ZodType } from '../../node_modules/zod/v4/classic/external.js';

export const z = { ZodType };
export default z;
