// A development-only allowance: under `npm run dev` (and the browser tests) the outbox counts as
// a provider for account messages to staff, so "forgot password" and sign-in codes can be tried
// with no gateway account, and it keeps their text for GET /api/dev/staff-outbox. The variable
// DEV_STAFF_OUTBOX = "1" is set only by scripts/dev.mjs, never in wrangler.toml (the deploy check
// refuses it), and only requests to a loopback host count, so a deployed Worker given it by
// mistake still treats the outbox as "cannot send" and keeps no link or code.
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function devOutboxOpen(env: Env, requestUrl: string): boolean {
  const flag = (env as unknown as Record<string, unknown>).DEV_STAFF_OUTBOX;
  return flag === "1" && URL.canParse(requestUrl) && LOOPBACK_HOSTS.has(new URL(requestUrl).hostname);
}
