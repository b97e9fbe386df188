// The stand-ins a Lambda bundle gets instead of some packages (infra/bundle-aliases/) do what the package did for
// the calls that reach them. The bundles themselves run the nightly job in test/integration/bundles.int.test.ts.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs stand-in without type declarations
import * as standIn from '../../../infra/bundle-aliases/qs.mjs';

type Stringify = (p: unknown, o?: { arrayFormat?: string }) => string;
// qs itself, as googleapis-common loads it (it has no type declarations of its own).
const qs = createRequire(import.meta.url)('qs') as { stringify: Stringify };
const stringify = (standIn as { stringify: Stringify }).stringify;

// What Google clients put in a query: strings (A1 ranges with quotes and Chinese tab names, field masks), numbers,
// booleans, lists of them (`ranges`), and parameters left unset.
const scalar = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom("'党员'!A1:Z", 'sheets(properties(title))', 'a b+c&d=e', "!'()*~._-"),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.constant(undefined), fc.constant(null));
const params = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), value, { maxKeys: 6 });

describe("qs's stand-in", () => {
  it("writes the query string qs writes for googleapis-common's call", () => {
    fc.assert(
      fc.property(params, (p) => {
        expect(stringify(p, { arrayFormat: 'repeat' })).toBe(qs.stringify(p, { arrayFormat: 'repeat' }));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what Google query strings never hold instead of writing it wrongly', () => {
    expect(() => stringify({ a: { b: 1 } }, { arrayFormat: 'repeat' })).toThrow(/is an object/);
    expect(() => stringify({ a: [1] }, { arrayFormat: 'brackets' })).toThrow(/not supported/);
  });
});
