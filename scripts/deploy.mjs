#!/usr/bin/env node
// `npm run deploy [-- --dry-run]`: everything a first (or any later) deploy to Cloudflare needs, in
// order, each step done only when it is missing, so running it again changes only what changed:
//   1. check wrangler is logged in (`wrangler login`, or CLOUDFLARE_API_TOKEN);
//   2. the D1 database `edge-crm`: created if missing, its id written into wrangler.toml;
//   3. the queues `edge-crm-events`, `edge-crm-events-dead` and `edge-crm-jobs`: created if missing;
//   4. the migrations applied to the remote database (wrangler applies only those not yet applied);
//   5. the ENCRYPTION_KEY secret: 32 random bytes set once if the Worker has none (never replaced:
//      stored secrets are sealed with it); a copy is written to .deploy-encryption-key (git-ignored);
//   6. `wrangler deploy --minify`, then the app's URL.
// --dry-run runs only the read-only checks and prints every step with what it would do.
// The `wrangler` it runs is the first on PATH: under `npm run` that is the project's own
// (node_modules/.bin); the deploy check (scripts/check-deploy.mjs) puts a fake one first.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = process.env.DEPLOY_ROOT ?? fileURLToPath(new URL("..", import.meta.url));
const configPath = join(root, "wrangler.toml");
const dryRun = process.argv.includes("--dry-run");
const DATABASE = "edge-crm";
const QUEUES = ["edge-crm-events", "edge-crm-events-dead", "edge-crm-jobs"];
const PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";

let stepNumber = 0;
const step = (text) => console.log(`\n${++stepNumber}. ${text}`);
const note = (text) => console.log(`   ${text}`);
const would = (args) => note(`${dryRun ? "would run" : "running"}: wrangler ${args.join(" ")}`);

function fail(text) {
  console.error(`\ndeploy stopped: ${text}`);
  process.exit(1);
}

/** Runs wrangler; a failure stops the deploy unless `allowFailure`. */
function wrangler(args, { input, allowFailure = false } = {}) {
  const result = spawnSync("wrangler", args, { cwd: root, input, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" }, stdio: ["pipe", "pipe", "pipe"] });
  if (result.error) fail(`wrangler could not be started (${result.error.message}); run npm ci first`);
  if (result.status !== 0 && !allowFailure) fail(`wrangler ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return { ok: result.status === 0, out: `${result.stdout}${result.stderr}` };
}

/** A change: printed in a dry run, run otherwise. */
function change(args, options) {
  would(args);
  return dryRun ? { ok: true, out: "" } : wrangler(args, options);
}

const config = readFileSync(configPath, "utf8");
if (/^\s*DEV_LOCAL_SHOP_ORIGINS\s*=/m.test(config)) fail("wrangler.toml sets DEV_LOCAL_SHOP_ORIGINS, a development-only allowance; remove it");
if (/^\s*DEV_STAFF_OUTBOX\s*=/m.test(config)) fail("wrangler.toml sets DEV_STAFF_OUTBOX, a development-only allowance; remove it");

step("Cloudflare account");
const whoami = wrangler(["whoami"], { allowFailure: true });
if (!whoami.ok || /not authenticated|not logged in/i.test(whoami.out)) fail("wrangler is not logged in: run `npx wrangler login` (or set CLOUDFLARE_API_TOKEN)");
note("logged in");

step(`D1 database "${DATABASE}"`);
const databases = JSON.parse(wrangler(["d1", "list", "--json"]).out.replace(/^[^[]*/, ""));
let databaseId = databases.find((db) => db.name === DATABASE)?.uuid ?? null;
if (databaseId) note(`exists (${databaseId})`);
else {
  const created = change(["d1", "create", DATABASE]);
  databaseId = dryRun ? "<the new database's id>" : (/database_id\s*=\s*"([0-9a-f-]{36})"/.exec(created.out)?.[1] ?? /"database_id"\s*:\s*"([0-9a-f-]{36})"/.exec(created.out)?.[1] ?? null);
  if (!databaseId) fail(`wrangler d1 create printed no database id:\n${created.out}`);
}
const currentId = /database_id\s*=\s*"([^"]*)"/.exec(config)?.[1];
if (currentId === databaseId) note("wrangler.toml already names it");
else {
  note(`${dryRun ? "would write" : "writing"} database_id = "${databaseId}" into wrangler.toml (was "${currentId ?? PLACEHOLDER_ID}")`);
  if (!dryRun) writeFileSync(configPath, config.replace(/database_id\s*=\s*"[^"]*"/, `database_id = "${databaseId}"`));
}

step("Queues");
const queueList = wrangler(["queues", "list"]).out;
for (const queue of QUEUES) {
  const listed = new RegExp(`(^|[\\s│|])${queue}([\\s│|]|$)`, "m").test(queueList);
  if (listed) note(`${queue}: exists`);
  else change(["queues", "create", queue]);
}

step("Migrations (remote)");
change(["d1", "migrations", "apply", "DB", "--remote"]);

step("ENCRYPTION_KEY secret");
const secrets = wrangler(["secret", "list", "--format", "json"], { allowFailure: true });
let names = [];
try {
  names = secrets.ok ? JSON.parse(secrets.out.replace(/^[^[]*/, "")).map((secret) => secret.name) : [];
} catch {
  names = [];
}
if (names.includes("ENCRYPTION_KEY")) note("set (kept: stored secrets are sealed with it)");
else {
  const key = randomBytes(32).toString("base64");
  change(["secret", "put", "ENCRYPTION_KEY"], { input: key });
  if (!dryRun) {
    writeFileSync(join(root, ".deploy-encryption-key"), `${key}\n`, { mode: 0o600 });
    note("a copy of the key is in .deploy-encryption-key: keep it somewhere safe, then delete the file");
  }
}

step("Deploy");
const deployed = change(["deploy", "--minify"]);
if (dryRun) console.log("\nDry run: nothing was changed.");
else {
  const url = /https:\/\/[a-z0-9.-]+\.workers\.dev/i.exec(deployed.out)?.[0];
  console.log(`\nEdge CRM is deployed${url ? ` at ${url}` : ""}. Open it and sign up to create your workspace.`);
}
