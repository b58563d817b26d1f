#!/usr/bin/env node
// `npm test [-- <vitest arguments>]`: the test suite in workerd (vitest), then, on a full run, the
// browser tests (vitest.e2e.config.ts: the app under `npm run dev`, driven in Chromium), the
// scaffold check (scripts/check-scaffold.mjs) and the deploy check (scripts/check-deploy.mjs). With arguments (one file, `-t <name>`, …) only
// vitest runs, with those arguments, so a focused run stays fast; a file under test/e2e/ runs with
// the browser tests' configuration. Exits non-zero on any failure.
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };
const E2E_CONFIG = ["-c", "vitest.e2e.config.ts"];

const vitest = (extra) => spawnSync("vitest", ["run", ...extra], { stdio: "inherit", env });

if (args.length > 0) {
  const browserTests = args.some((arg) => arg.replaceAll("\\", "/").includes("test/e2e/"));
  const focused = vitest(browserTests ? [...E2E_CONFIG, ...args] : args);
  if (focused.status !== 0) process.exit(focused.status ?? 1);
  console.log("\n(A focused run: the other suites and the scaffold check are skipped; `npm run test:scaffold` runs the check alone.)");
  process.exit(0);
}

const workers = vitest([]);
if (workers.status !== 0) process.exit(workers.status ?? 1);
const browser = vitest(E2E_CONFIG);
if (browser.status !== 0) process.exit(browser.status ?? 1);
const scaffold = spawnSync(process.execPath, ["scripts/check-scaffold.mjs"], { stdio: "inherit", env });
if (scaffold.status !== 0) process.exit(scaffold.status ?? 1);
const deploy = spawnSync(process.execPath, ["scripts/check-deploy.mjs"], { stdio: "inherit", env });
process.exit(deploy.status ?? 1);
