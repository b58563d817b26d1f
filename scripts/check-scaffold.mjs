#!/usr/bin/env node
// Checks that `npm run plugin:new` produces a plugin that compiles and passes its tests, on a copy
// of the working tree (the real tree is never touched): copy it to a temporary folder (without
// node_modules, .git, .wrangler, web/dist; node_modules is linked entry by entry, so caches land
// in the copy), scaffold a throwaway plugin there, then run the type check and the new plugin's
// tests (with the core tests that take every registered plugin: architecture, bad input,
// permissions, isolation) in that copy. Run by `npm test` after the suite, or alone with
// `npm run test:scaffold` (`-- --keep` keeps the copy to look at). The verdict is the tools' exit
// status, never the clock: a slow machine makes a slow check, not a failed one (a line every
// minute says what is still running). Exits non-zero on any failure.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const PLUGIN_ID = "scaffold-check";
// How often a long step says it is still running (it is never stopped for being slow).
const HEARTBEAT_MS = 60_000;
const keep = process.argv.includes("--keep");
// Run in the copy besides the new plugin's own tests: the rules a new plugin can break. These
// take every registered plugin (and its fixtures) by themselves, so the new one is covered.
const ALSO_TESTED = [
  "test/api/architecture.test.ts",
  "test/api/permission-matrix.test.ts",
  "test/api/bad-input.test.ts",
  "test/api/workspace-isolation.test.ts",
];

// Top-level paths never copied: installed packages, git state, local state and build output.
const SKIP = new Set(["node_modules", ".git", ".wrangler", "web/dist", "test-results", "state", "tmp"]);
// Caches a tool writes into node_modules: the copy gets its own instead of writing through the link.
const OWN_CACHES = new Set([".vite", ".vite-temp", ".cache", ".mf"]);

const started = Date.now();
const seconds = (from = started) => `${((Date.now() - from) / 1000).toFixed(1)} s`;

/** Runs a command in the copy, collecting its output; never throws. */
function run(cwd, command, args, label = [command, ...args].join(" ")) {
  return new Promise((resolve) => {
    const from = Date.now();
    const child = spawn(command, args, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", FORCE_COLOR: "0", NO_COLOR: "1" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const heartbeat = setInterval(() => console.log(`  …   ${label} still running (${seconds(from)})`), HEARTBEAT_MS);
    child.on("error", (error) => (output += `\n${error}`));
    child.on("close", (code, signal) => {
      clearInterval(heartbeat);
      if (signal) output += `\n(stopped by ${signal})`;
      resolve({ label, ok: code === 0, output, time: seconds(from) });
    });
  });
}

async function copyTree(copy) {
  await cp(root, copy, {
    recursive: true,
    filter: (source) => {
      const path = relative(root, source).split(sep).join("/");
      return !SKIP.has(path);
    },
  });
  // node_modules: a real folder of links to the installed packages.
  await mkdir(join(copy, "node_modules"));
  for (const entry of await readdir(join(root, "node_modules"))) {
    if (OWN_CACHES.has(entry)) continue;
    await symlink(join(root, "node_modules", entry), join(copy, "node_modules", entry));
  }
  // The Worker's assets folder must exist for wrangler's config; the plugin tests do not read it.
  await mkdir(join(copy, "web", "dist"), { recursive: true });
}

/** Only vitest's runner start-up timed out: no test failed. */
function startedTooSlowly(output) {
  return /Timeout starting [\w-]+ runner/.test(output) && !/Tests\s+\d+ failed/.test(output) && !/^\s*(FAIL|×)\s/m.test(output);
}

function report(result) {
  console.log(`  ${result.ok ? "ok  " : "FAIL"} ${result.label} (${result.time})`);
}

function failLoudly(results, copy) {
  console.error("\n" + "=".repeat(72));
  console.error(`SCAFFOLD CHECK FAILED: a plugin made by \`npm run plugin:new ${PLUGIN_ID}\` does not pass.`);
  for (const result of results.filter((r) => !r.ok)) {
    console.error(`\n--- ${result.label}\n${result.output.trim()}`);
  }
  // Errors only in files the scaffold did not write: the tree itself is broken, not the scaffold.
  const errors = results
    .flatMap((result) => result.output.split("\n"))
    .filter((line) => /\): error TS\d+/.test(line) || /^\s*(FAIL|×)\s/.test(line) || /^\s*Error:/.test(line));
  if (!errors.some((line) => line.includes(`plugins/${PLUGIN_ID}`) || line.includes("plugins/registry.ts"))) {
    console.error(`\nNo error names plugins/${PLUGIN_ID}/ or the registry: the working tree itself may be broken (try \`npm run typecheck\`).`);
  }
  console.error(`\nThe scaffold lives in scripts/plugin-new.mjs and scripts/plugin-template/.`);
  if (keep) console.error(`The copy is kept at ${copy}.`);
  console.error("=".repeat(72));
  process.exitCode = 1;
}

async function main() {
  console.log(`\nScaffold check: npm run plugin:new ${PLUGIN_ID} in a copy of the tree, then tsc and its tests there.`);
  if (existsSync(join(root, "plugins", PLUGIN_ID))) {
    console.error(`plugins/${PLUGIN_ID}/ exists in the tree: the check's throwaway id is taken.`);
    process.exitCode = 1;
    return;
  }
  const copy = await mkdtemp(join(tmpdir(), "edge-crm-scaffold-"));
  try {
    await copyTree(copy);
    const scaffold = await run(copy, process.execPath, ["scripts/plugin-new.mjs", PLUGIN_ID], `npm run plugin:new ${PLUGIN_ID}`);
    report(scaffold);
    if (!scaffold.ok) return failLoudly([scaffold], copy);
    // tsc first, then the tests (two files at a time, as the main suite runs): on a busy 2-core
    // machine, a workerd runner starved by a parallel tsc can miss vitest's fixed 90 s start-up limit.
    const typecheck = await run(copy, "npx", ["tsc", "--noEmit", "-p", "."]);
    report(typecheck);
    const testArgs = ["vitest", "run", `plugins/${PLUGIN_ID}`, ...ALSO_TESTED];
    let tests = await run(copy, "npx", testArgs);
    if (!tests.ok && startedTooSlowly(tests.output)) {
      // Every test that ran passed, but a runner did not start in time: the machine, not the code.
      console.log(`  …   a test runner did not start within vitest's limit (a busy machine); running the tests again`);
      tests = await run(copy, "npx", testArgs, `${tests.label} (again)`);
    }
    report(tests);
    const results = [typecheck, tests];
    if (results.some((result) => !result.ok)) return failLoudly(results, copy);
    console.log(`Scaffold check passed in ${seconds()}.`);
  } finally {
    if (!keep) await rm(copy, { recursive: true, force: true });
  }
}

await main();
