// Runs the project's own wrangler (node_modules) with the Node that runs this script, never
// asking anything: no metrics, no prompts (stdin closed), no Request.cf download unless asked for.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));

const require = createRequire(import.meta.url);

function wranglerBin() {
  const manifestPath = require.resolve("wrangler/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin.wrangler;
  return join(dirname(manifestPath), bin);
}

export const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  // Request.cf is fetched from the network on every start; local development does not need it.
  CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? "false",
};

/**
 * Starts `wrangler <args>` with stdin closed. stdout/stderr are piped (the caller reads them)
 * unless `inherit` is set.
 */
export function spawnWrangler(args, { inherit = false, env = {} } = {}) {
  return spawn(process.execPath, [wranglerBin(), ...args], {
    cwd: root,
    env: { ...wranglerEnv, ...env },
    stdio: ["ignore", inherit ? "inherit" : "pipe", inherit ? "inherit" : "pipe"],
  });
}

/** Runs `wrangler <args>` to completion; resolves { code, stdout, stderr }. */
export function runWrangler(args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawnWrangler(args, options);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), signal, stdout, stderr, child }));
    options.onSpawn?.(child);
  });
}
