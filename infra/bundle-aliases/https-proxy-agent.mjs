// What a Lambda bundle gets for 'https-proxy-agent' (~16 KB with agent-base and debug): a refusal with a reason.
//
// gaxios loads it only when HTTPS_PROXY or HTTP_PROXY is set, to hand the proxy to node-fetch as an `agent`. Our
// Google clients use Node's own fetch (shared/sources/google/clients.ts), which takes no `agent`: a proxy would be
// silently skipped. Saying so is better than calling Google around a proxy someone set on purpose.
export class HttpsProxyAgent {
  constructor(proxy) {
    throw new Error(
      `A proxy is set (${String(proxy)}), but Branchboard's Lambdas call Google with Node's fetch, which does not use ` +
        'HTTPS_PROXY: remove the variable, or give the functions a NAT gateway instead.',
    );
  }
}
export default { HttpsProxyAgent };
