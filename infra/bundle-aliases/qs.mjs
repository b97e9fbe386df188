// What a Lambda bundle gets for 'qs': the one call googleapis-common makes, `qs.stringify(params, { arrayFormat:
// 'repeat' })` on a request's flat query parameters, in ~20 lines instead of qs and its dependencies (~45 KB).
// test/unit/infra/bundle-aliases.test.ts checks it against qs itself on generated parameters.

/** RFC 3986 encoding, as qs does it: everything but letters, digits and -._~ is percent-encoded. */
const encode = (s) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const text = (v) => (v instanceof Date ? v.toISOString() : String(v));

export function stringify(params, options = {}) {
  if (options.arrayFormat !== undefined && options.arrayFormat !== 'repeat') {
    throw new Error(`qs stand-in: arrayFormat '${options.arrayFormat}' is not supported`);
  }
  const parts = [];
  for (const [key, value] of Object.entries(params ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined) continue;
      if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
        throw new Error(`qs stand-in: the parameter '${key}' is an object, which Google's query strings never hold`);
      }
      parts.push(`${encode(key)}=${v === null ? '' : encode(text(v))}`);
    }
  }
  return parts.join('&');
}

export default { stringify };
