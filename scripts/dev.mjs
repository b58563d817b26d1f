#!/usr/bin/env node
// `npm run dev`: the whole app on one local port, with no Cloudflare account.
//   0. make sure .dev.vars holds an ENCRYPTION_KEY (stored secrets are sealed with it): a random
//      one is generated on the first run and kept, since data sealed with it needs it;
//   1. build the static assets into web/dist/ (the web UI, API docs assets); wrangler dev
//      rebuilds them and reloads when web/src changes (wrangler.toml's [build] watch_dir);
//   2. apply the D1 migrations to the local database (.wrangler/state/);
//   3. start `wrangler dev --local` on PORT (default 8787) and wait for /healthz;
//   4. seed a demo workspace through the HTTP API, only if the database has no workspace yet;
//   5. print where everything is and how to sign in.
// Ctrl-C stops wrangler and exits. Options: --no-seed (never seed); --persist-to <dir> (keep the
// local D1 and other state in <dir> instead of .wrangler/state/, e.g. a throwaway one for tests);
// --assets <dir> (serve the static assets from <dir>, e.g. a frozen copy of web/dist/ that edits
// under web/src cannot change while a browser test runs). DEV_LOCAL_SHOP_ORIGINS in the environment
// (the browser tests set it to their fake shop's loopback origin) is handed to the Worker as a
// variable; nothing else sets it. DEV_STAFF_OUTBOX=1 is always handed over: locally, the outbox
// counts as a provider for account mails and sign-in codes, which GET /api/dev/staff-outbox shows
// (worker/core/messaging/dev-outbox.ts).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_OWNER } from "./demo-account.mjs";
import { root, runWrangler, spawnWrangler } from "./wrangler.mjs";

const port = Number.parseInt(process.env.PORT ?? "", 10) || 8787;
const origin = `http://localhost:${port}`;
const seedEnabled = !process.argv.includes("--no-seed");
const persistTo = optionValue("--persist-to");
/** Passed to every wrangler command that touches local state, so they all use the same directory. */
const stateArgs = persistTo ? ["--persist-to", persistTo] : [];
const stateDir = persistTo ?? ".wrangler/state/";
const assetsDir = optionValue("--assets");
const localShopOrigins = process.env.DEV_LOCAL_SHOP_ORIGINS?.trim();
const HEALTH_TIMEOUT_MS = 90_000;

const tty = process.stdout.isTTY;
const paint = (code) => (text) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint("1");
const dim = paint("2");
const green = paint("32");
const yellow = paint("33");
const red = paint("31");
const cyan = paint("36");

const say = (text) => console.log(`${cyan("dev")} ${text}`);
const warn = (text) => console.log(`${cyan("dev")} ${yellow(text)}`);

function optionValue(name) {
  const index = process.argv.indexOf(name);
  if (index === -1) return undefined;
  const value = process.argv[index + 1];
  if (!value || value.startsWith("--")) {
    console.error(`${name} needs a directory, e.g. ${name} /tmp/edge-crm`);
    process.exit(1);
  }
  return value;
}

let stopping = false;
/** The child process currently running (a build step, wrangler dev, or the seed). */
const children = new Set();
let server = null;

function fail(message, output = "") {
  if (output.trim()) console.error(output.trimEnd());
  console.error(`${cyan("dev")} ${red(message)}`);
  shutdown(1);
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGINT");
  const exited = [...children].map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", resolve))));
  const forceKill = setTimeout(() => {
    for (const child of children) child.kill("SIGKILL");
  }, 5_000);
  forceKill.unref();
  await Promise.all(exited);
  clearTimeout(forceKill);
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (!stopping) console.log(`\n${cyan("dev")} stopping…`);
    shutdown(0);
  });
}

// If whatever started us goes away without a signal (e.g. only npm's shell was killed), stop too.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) {
    if (!stopping) console.log(`${cyan("dev")} parent process ended; stopping…`);
    shutdown(0);
  }
}, 1_000).unref();

function track(child) {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

function runNode(script, args = [], { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(process.execPath, [join(root, script), ...args], { cwd: root, stdio: ["ignore", quiet ? "pipe" : "inherit", quiet ? "pipe" : "inherit"] }),
    );
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Generates a local ENCRYPTION_KEY into .dev.vars (git-ignored) unless one is there already. */
function ensureEncryptionKey() {
  const path = join(root, ".dev.vars");
  const line = `# Seals stored secrets in local development; generated by npm run dev. Data sealed with it needs it.\nENCRYPTION_KEY="${randomBytes(32).toString("base64")}"\n`;
  try {
    // "wx": when two dev servers start at once, only one creates the file.
    writeFileSync(path, line, { flag: "wx" });
    say(`generated a local ENCRYPTION_KEY into ${bold(".dev.vars")}`);
    return;
  } catch (error) {
    if (error.code !== "EEXIST") return fail(`could not write .dev.vars: ${error.message}`);
  }
  if (/^\s*ENCRYPTION_KEY\s*=/m.test(readFileSync(path, "utf8"))) return;
  appendFileSync(path, `\n${line}`);
  say(`added a local ENCRYPTION_KEY to ${bold(".dev.vars")}`);
}

async function buildAssets() {
  const { code, output } = await runNode("scripts/build-assets.mjs", [], { quiet: true });
  if (code !== 0) return fail("building the assets failed (scripts/build-assets.mjs)", output);
  say(`assets built into ${bold("web/dist/")}`);
}

async function applyMigrations() {
  const result = await runWrangler(["d1", "migrations", "apply", "DB", "--local", ...stateArgs], { onSpawn: track });
  if (stopping) return;
  const output = result.stdout + result.stderr;
  if (result.code !== 0) return fail("applying the local D1 migrations failed", output);
  const applied = [...output.matchAll(/│\s*(\S+\.sql)\s*│\s*✅/g)].map((m) => m[1]);
  say(applied.length ? `migrations applied to the local D1: ${applied.join(", ")}` : "local D1 is up to date (no new migrations)");
}

/** How many workspaces the local database has, and whether the demo owner is among its users. */
async function inspectDatabase() {
  const sql = `select count(*) as n, (select count(*) from users where email = '${DEMO_OWNER.email}') as demo from workspaces`;
  const result = await runWrangler(["d1", "execute", "DB", "--local", ...stateArgs, "--command", sql, "--json"], { onSpawn: track });
  if (stopping) return null;
  try {
    if (result.code !== 0) throw new Error(`exit code ${result.code}`);
    const row = JSON.parse(result.stdout)[0].results[0];
    return { workspaces: Number(row.n), demoOwner: Number(row.demo) > 0 };
  } catch (error) {
    warn(`could not read the local database (${error.message}); the demo seed is skipped.`);
    if (result.stderr.trim()) console.error(dim(result.stderr.trim()));
    return null;
  }
}

/** Starts wrangler dev; its output goes to the terminal, except request logs while we seed. */
function startServer(state) {
  // --test-scheduled lets us fire the Cron Trigger locally (see startCron), as Cloudflare does every minute.
  server = track(spawnWrangler(["dev", "--local", "--test-scheduled", "--port", String(port), ...stateArgs, ...(assetsDir ? ["--assets", assetsDir] : []), ...(localShopOrigins ? ["--var", `DEV_LOCAL_SHOP_ORIGINS:${localShopOrigins}`] : []), "--var", "DEV_STAFF_OUTBOX:1"], { env: tty ? { FORCE_COLOR: "1" } : {} }));
  const relay = (stream, target) => {
    let buffer = "";
    stream.on("data", (chunk) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop();
      for (const line of lines) {
        // The seed makes a few hundred requests; their one-line logs would bury everything else.
        if (state.seeding && /\[wrangler:info\][^\n]*\b(GET|POST|PATCH|PUT|DELETE) \//.test(line)) {
          state.hiddenRequestLogs += 1;
          continue;
        }
        target.write(`${line}\n`);
      }
    });
    stream.on("end", () => buffer && target.write(buffer));
  };
  relay(server.stdout, process.stdout);
  relay(server.stderr, process.stderr);
  server.once("exit", (code, signal) => {
    if (stopping) return;
    fail(`wrangler dev exited (${signal ?? `code ${code}`}). Is port ${port} in use? Set another one with PORT=8788 npm run dev.`);
  });
}

async function waitForHealth() {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

function banner(login) {
  const line = "─".repeat(64);
  const rows = [
    "",
    green(line),
    `  ${bold("Edge CRM is running")}`,
    "",
    `  App         ${bold(`${origin}/`)}`,
    `  API docs    ${bold(`${origin}/docs`)}`,
    `  OpenAPI     ${origin}/openapi.json`,
    `  Health      ${origin}/healthz`,
    "",
    ...login,
    "",
    `  Press ${bold("Ctrl-C")} to stop. Local data lives in ${stateDir} (delete it to start over).`,
    green(line),
    "",
  ];
  console.log(rows.join("\n"));
}

async function main() {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) {
    console.error(red(`Node ${process.versions.node} is too old for wrangler: run this through \`npm run dev\`, which uses the project's Node 22.`));
    process.exit(1);
  }

  ensureEncryptionKey();
  if (stopping) return;
  await buildAssets();
  if (stopping) return;
  await applyMigrations();
  if (stopping) return;
  const database = await inspectDatabase();
  if (stopping) return;

  const state = { seeding: false, hiddenRequestLogs: 0 };
  say(`starting wrangler dev on ${origin} …`);
  startServer(state);
  if (!(await waitForHealth())) {
    if (!stopping) fail(`${origin}/healthz did not answer within ${HEALTH_TIMEOUT_MS / 1000} s.`);
    return;
  }
  say(`${origin}/healthz answers`);

  const demoLogin = [`  Demo login  ${bold(DEMO_OWNER.email)}  /  ${bold(DEMO_OWNER.password)}`];
  let login;
  if (!seedEnabled) {
    login = database?.demoOwner ? demoLogin : [`  Seeding skipped (--no-seed). Sign up at ${origin}/docs (POST /api/auth/signup).`];
  } else if (database && database.workspaces === 0) {
    say("the database has no workspace yet: seeding a demo workspace through the API …");
    state.seeding = true;
    const { code } = await runNode("scripts/seed-demo.mjs", ["--url", origin]);
    state.seeding = false;
    if (stopping) return;
    if (state.hiddenRequestLogs) say(dim(`(${state.hiddenRequestLogs} request log lines of the seed were hidden)`));
    login = code === 0 ? demoLogin : [`  ${yellow("The demo seed failed (see above); the server keeps running.")}`];
  } else if (database?.demoOwner) {
    login = [...demoLogin, `  ${dim(`(seeded on an earlier run; delete ${stateDir} to start over)`)}`];
  } else if (database) {
    login = [`  The database already has ${database.workspaces} workspace(s) and no demo owner: nothing was seeded.`];
  } else {
    login = [`  ${yellow("The database could not be inspected, so nothing was seeded.")}`];
  }
  banner(login);
  startCron();
}

/**
 * wrangler dev does not fire Cron Triggers by itself: fire the minute cron now (so the demo's
 * lifecycle stages and RFM scores are computed at once) and then every minute, like production.
 */
function startCron() {
  const fire = () =>
    // Not a navigation: otherwise the assets router answers with index.html instead of the Worker.
    fetch(`${origin}/__scheduled?cron=${encodeURIComponent("* * * * *")}`, { headers: { "sec-fetch-mode": "no-cors", accept: "application/json" }, signal: AbortSignal.timeout(30_000) }).catch(() => {
      // the server is stopping or restarting; the next minute tries again
    });
  fire();
  setInterval(fire, 60_000).unref();
}

main().catch((error) => fail(`dev failed: ${error?.stack ?? error}`));
