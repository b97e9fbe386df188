// redirectTokenUrl: makes a google-auth-library client fetch its tokens from the fake (the token URL is hard-coded to
// https://oauth2.googleapis.com/token).
import type { AuthClient } from 'google-auth-library';

const GOOGLE_OAUTH_ORIGIN = 'https://oauth2.googleapis.com/';

/**
 * Adds a request interceptor to the client's gaxios transporter that rewrites every https://oauth2.googleapis.com/…
 * URL (token, revoke, tokeninfo) to the fake's rootUrl. Returns a function that removes the interceptor.
 */
export function redirectTokenUrl(client: AuthClient, rootUrl: string): () => void {
  const root = rootUrl.endsWith('/') ? rootUrl : `${rootUrl}/`;
  const interceptor = {
    resolved: async <T extends { url: URL | string }>(cfg: T): Promise<T> => {
      const href = cfg.url.toString();
      if (href.startsWith(GOOGLE_OAUTH_ORIGIN)) cfg.url = new URL(href.slice(GOOGLE_OAUTH_ORIGIN.length), root);
      return cfg;
    },
  };
  client.transporter.interceptors.request.add(interceptor);
  return () => {
    client.transporter.interceptors.request.delete(interceptor);
  };
}
