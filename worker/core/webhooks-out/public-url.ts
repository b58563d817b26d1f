// Outgoing webhooks reach only the public internet. A subscription URL naming this machine, a
// private network or a cloud metadata service would let anyone who manages webhooks probe them
// through us (SSRF), so such URLs are refused when saved and again before every delivery.
import { isPublicIpv4, isPublicIpv6, parseIpv4, parseIpv6 } from "./ip-address";

/** Why a URL is refused; each is a message code. */
export type UrlRefusal = "invalid_url" | "url_https_required" | "url_has_credentials" | "url_not_public";

// Names that only mean something inside a network (RFC 6761, RFC 6762, RFC 8375, common habits).
const PRIVATE_NAMES = ["localhost", "local", "internal", "localdomain", "home.arpa", "lan", "intranet"];

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
  return !PRIVATE_NAMES.some((name) => host === name || host.endsWith(`.${name}`));
}

/** Null for a URL that may receive webhooks, else the reason it may not. */
export function urlRefusal(raw: string): UrlRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid_url";
  }
  if (url.protocol !== "https:") return "url_https_required";
  // Credentials in a URL leak into logs and lists; receivers check the signature instead.
  if (url.username !== "" || url.password !== "") return "url_has_credentials";
  return isPublicHost(url.hostname) ? null : "url_not_public";
}
