// Which URLs the Worker may call on a user's say-so (outgoing webhooks, messaging providers, later
// shop REST APIs): public https hosts only. A URL naming this machine, a private network or a
// cloud metadata service would let anyone who can save a URL probe them through us (SSRF), so
// such URLs are refused when saved and again before every call (see safe-fetch.ts).
import { isPublicIpv4, isPublicIpv6, parseIpv4, parseIpv6 } from "./ip-address";

/** Why a URL is refused; each is a message code. */
export type UrlRefusal = "invalid_url" | "url_https_required" | "url_has_credentials" | "url_port_not_allowed" | "url_not_public";

// Ports an https API listens on. Any other port is more likely an internal service than an API,
// and allowing every port would turn a refused call into a port scanner. "" is the default, 443.
const ALLOWED_PORTS = new Set(["", "443", "8443"]);

// Names that only mean something inside a network (RFC 6761, RFC 6762, RFC 8375, common habits).
const PRIVATE_SUFFIXES = ["localhost", "local", "internal", "localdomain", "home.arpa", "lan", "intranet"];

// Public DNS names that answer with a private address by design, so they pass a name check while
// pointing at loopback or at whatever IP is written into the name (10.0.0.1.nip.io is 10.0.0.1).
// Each covers its subdomains too.
const PRIVATE_ALIAS_DOMAINS = [
  "nip.io", // <ip>.nip.io → <ip>
  "sslip.io", // <ip>.sslip.io, <ip-with-dashes>.sslip.io → <ip>
  "xip.io", // the original of the two above
  "traefik.me", // <ip>.traefik.me → <ip>
  "localtest.me", // → 127.0.0.1
  "lvh.me", // → 127.0.0.1
  "vcap.me", // → 127.0.0.1
  "lacolhost.com", // → 127.0.0.1
  "fuf.me", // → 127.0.0.1
  "localho.st", // → 127.0.0.1
  "local.gd", // → 127.0.0.1
  "localhost.direct", // → 127.0.0.1
];

const isUnder = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

export function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[") && host.endsWith("]")) {
    const groups = parseIpv6(host.slice(1, -1));
    return groups !== null && isPublicIpv6(groups);
  }
  const ipv4 = parseIpv4(host);
  if (ipv4 !== null) return isPublicIpv4(ipv4);
  // A public name has a dot: a single label ("metadata", "intranet") is resolved on the local network.
  if (!host.includes(".")) return false;
  return ![...PRIVATE_SUFFIXES, ...PRIVATE_ALIAS_DOMAINS].some((domain) => isUnder(host, domain));
}

/** Null for a URL the Worker may call, else the reason it may not. */
export function urlRefusal(raw: string): UrlRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid_url";
  }
  if (url.protocol !== "https:") return "url_https_required";
  // Credentials in a URL leak into logs and lists; receivers check a signature or token instead.
  if (url.username !== "" || url.password !== "") return "url_has_credentials";
  if (!ALLOWED_PORTS.has(url.port)) return "url_port_not_allowed";
  return isPublicHost(url.hostname) ? null : "url_not_public";
}
