#!/usr/bin/env node
// `npm test [-- <vitest arguments>]`: the test suite in workerd (vitest), then, on a full run, the
// scaffold check (scripts/check-scaffold.mjs). With arguments (one file, `-t <name>`, …) only
// vitest runs, with those arguments, so a focused run stays fast. Exits non-zero on any failure.
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };

const vitest = spawnSync("vitest", ["run", ...args], { stdio: "inherit", env });
if (vitest.status !== 0) process.exit(vitest.status ?? 1);

if (args.length > 0) {
  console.log("\n(A focused run: the scaffold check is skipped; `npm run test:scaffold` runs it alone.)");
  process.exit(0);
}
const scaffold = spawnSync(process.execPath, ["scripts/check-scaffold.mjs"], { stdio: "inherit", env });
process.exit(scaffold.status ?? 1);
