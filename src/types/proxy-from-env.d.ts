// proxy-from-env ships no types; this is the one function the tool uses.
declare module 'proxy-from-env' {
  /** The proxy URL for a request URL per HTTP(S)_PROXY / ALL_PROXY / NO_PROXY, or '' for none. */
  export function getProxyForUrl(url: string | URL): string;
}
