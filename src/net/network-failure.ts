/**
 * "The network failed" told apart from "the service said no". SDKs wrap the socket error a few
 * layers deep (Slack: WebAPIRequestError → TypeError "fetch failed" → Error ENOTFOUND; discord.js
 * and undici: `cause`), and their top message ("A request error occurred") names neither the host
 * nor what failed; an operator reading "token rejected" for a DNS failure looks in the wrong place.
 */
export interface NetworkFailure {
  /** The errno-style code found, e.g. ENOTFOUND. */
  code: string;
  /** What failed, in words: "DNS", "connection refused", "timeout", … */
  reason: string;
  /** The host the error names, when it names one. */
  host: string | null;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'DNS: the name does not resolve',
  EAI_AGAIN: 'DNS: no answer from the resolver',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'timeout',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  ENETDOWN: 'network down',
  UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout waiting for the response',
  UND_ERR_SOCKET: 'connection closed',
  ECONNABORTED: 'timeout',
  CERT_HAS_EXPIRED: 'TLS: the certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS: self-signed certificate (a proxy?)',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS: self-signed certificate in the chain (a proxy?)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS: the certificate cannot be verified (a proxy?)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS: the certificate is for another host',
};

/** How deep the cause chain is searched; SDK wrappers use two or three levels. */
const MAX_DEPTH = 6;

function linksOf(error: object): unknown[] {
  const e = error as { cause?: unknown; original?: unknown; error?: unknown; errors?: unknown };
  return [e.cause, e.original, e.error, ...(Array.isArray(e.errors) ? e.errors : [])];
}

/** The network failure somewhere in `error`'s cause chain, or null when the failure was not the network's. */
export function networkFailure(error: unknown): NetworkFailure | null {
  const seen = new Set<unknown>();
  let level: unknown[] = [error];
  let host: string | null = null;
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const e of level) {
      if (!e || typeof e !== 'object' || seen.has(e)) continue;
      seen.add(e);
      const { code, hostname, name } = e as { code?: unknown; hostname?: unknown; name?: unknown };
      if (typeof hostname === 'string') host ??= hostname;
      if (typeof code === 'string' && REASONS[code]) return { code, reason: REASONS[code]!, host: host ?? findHost(e) };
      if (name === 'TimeoutError' || name === 'ConnectTimeoutError') return { code: String(name), reason: 'timeout', host: host ?? findHost(e) };
      next.push(...linksOf(e));
    }
    level = next;
  }
  return null;
}

/** A host named deeper in the chain (the errno error is often one level above the one with `hostname`). */
function findHost(error: object): string | null {
  for (const link of linksOf(error)) {
    if (link && typeof link === 'object') {
      const hostname = (link as { hostname?: unknown }).hostname;
      if (typeof hostname === 'string') return hostname;
    }
  }
  return null;
}

/** "could not reach slack.com (DNS: the name does not resolve)". */
export function describeNetworkFailure(failure: NetworkFailure, expectedHost: string): string {
  return `could not reach ${failure.host ?? expectedHost} (${failure.reason})`;
}

/** The host of a base URL setting, or the service's own host when the setting is unset. */
export function hostOf(url: string | undefined, fallback: string): string {
  if (!url) return fallback;
  try {
    return new URL(url).host;
  } catch {
    return fallback; // a malformed URL was refused by the settings check already
  }
}
