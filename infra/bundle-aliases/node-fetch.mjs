// What a Lambda bundle gets for `import('node-fetch')`: Node's own fetch.
//
// gaxios (under the Google clients) loads node-fetch on Node unless it is given a fetch, and node-fetch brings
// fetch-blob, formdata-polyfill and web-streams-polyfill: ~95 KB of every bundle that talks to Google. Our clients
// are given Node's fetch (shared/sources/google/clients.ts), so this is never reached; it is here so that, if some
// path still asks for node-fetch, it gets the same fetch rather than a missing module.
export default globalThis.fetch;
