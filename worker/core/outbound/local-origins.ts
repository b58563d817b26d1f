// A development-only exception to the public-URL rules: `wrangler dev` and the browser tests run a
// fake shop on this machine (http://127.0.0.1:<port>), which the rules rightly refuse. The variable
// DEV_LOCAL_SHOP_ORIGINS (set only by scripts/dev.mjs when asked, never in wrangler.toml; the
// deploy script refuses a config that sets it) lists exact origins that may be called anyway.
// Only loopback origins count, so even a production Worker given the variable by mistake could
// reach nothing but itself (and Cloudflare's network does not route loopback at all).
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function localOriginsAllowed(env: Env): Set<string> {
  const raw = (env as unknown as Record<string, unknown>).DEV_LOCAL_SHOP_ORIGINS;
  if (typeof raw !== "string" || raw.trim() === "") return new Set();
  const origins = new Set<string>();
  for (const entry of raw.split(",")) {
    if (!URL.canParse(entry.trim())) continue;
    const url = new URL(entry.trim());
    if (LOOPBACK_HOSTS.has(url.hostname) && (url.protocol === "http:" || url.protocol === "https:")) origins.add(url.origin);
  }
  return origins;
}

/** Whether `url` is on an origin the development allowance names. */
export function isAllowedLocal(allowed: ReadonlySet<string>, url: string): boolean {
  return allowed.size > 0 && URL.canParse(url) && allowed.has(new URL(url).origin);
}
