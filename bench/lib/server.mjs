// Running a Worker for the benchmark: `wrangler dev --local` on a port of its own, with its own
// state directory, from a frozen build (so an edit elsewhere in the tree cannot reload it in the
// middle of a measurement), and stopped by its process id. Also the workerd process's CPU time,
// read from /proc, and the `d1-meter` lines the metered Worker logs.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { root, wranglerEnv } from "../../scripts/wrangler.mjs";

const require = createRequire(import.meta.url);

function wranglerBin() {
  const manifestPath = require.resolve("wrangler/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  return join(dirname(manifestPath), typeof manifest.bin === "string" ? manifest.bin : manifest.bin.wrangler);
}

/** Runs `wrangler <args>` to completion (stdin closed); resolves { code, stdout, stderr }. */
export function wrangler(args, { cwd = root } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin(), ...args], { cwd, env: wranglerEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Like wrangler(), but throws with the output when the command fails. */
export async function wranglerOk(args, options) {
  const result = await wrangler(args, options);
  if (result.code !== 0) throw new Error(`wrangler ${args.slice(0, 3).join(" ")} failed:\n${(result.stdout + result.stderr).slice(-3000)}`);
  return result;
}

/** Runs SQL against the local D1 of a state directory; returns the rows of the last statement. */
export async function sqlRows(persistTo, sql, configPath = "wrangler.toml") {
  const { stdout } = await wranglerOk(["d1", "execute", "DB", "--local", "-c", configPath, "--persist-to", persistTo, "--json", "--command", sql]);
  const results = JSON.parse(stdout);
  return results.at(-1).results;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function childrenOf(pid) {
  const children = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

function descendantsOf(pid) {
  const all = [];
  for (let queue = [pid]; queue.length; ) {
    const next = childrenOf(queue.shift());
    all.push(...next);
    queue.push(...next);
  }
  return all;
}

const commandOf = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
};

/** User + system CPU seconds the processes have used so far (one pid or several). */
export function cpuSeconds(pids) {
  let total = 0;
  for (const pid of [pids].flat()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // the process has ended
    }
  }
  return total;
}

const BENCH_ENCRYPTION_KEY = Buffer.from("edge-crm benchmark key, not secret").subarray(0, 32).toString("base64");

/**
 * Starts `wrangler dev --local` for a config on a port, with a state directory and variables;
 * resolves once /healthz (or `readyPath`) answers. Returns { url, workerdPids, meterLines, stop }.
 */
export async function startWorker({ config, port, persistTo, vars = {}, readyPath = "/healthz", label = "worker", timeoutMs = 120_000 }) {
  const args = ["dev", "--local", "-c", config, "--port", String(port), "--ip", "127.0.0.1", "--persist-to", persistTo, "--test-scheduled", "--show-interactive-dev-session=false"];
  // Stored secrets are sealed with ENCRYPTION_KEY; the benchmark's state outlives one run, so its
  // key is fixed (it guards nothing but benchmark data).
  for (const [key, value] of Object.entries({ ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, ...vars })) args.push("--var", `${key}:${value}`);
  // Its own process group, so stopping it stops workerd with it.
  const child = spawn(process.execPath, [wranglerBin(), ...args], { cwd: root, env: wranglerEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const meterLines = [];
  let output = "";
  let buffer = "";
  const onData = (chunk) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop();
    for (const line of lines) {
      const at = line.indexOf("d1-meter {");
      if (at >= 0) {
        try {
          meterLines.push(JSON.parse(line.slice(at + "d1-meter ".length)));
        } catch {
          // a line cut by the terminal; ignored
        }
      } else if (output.length < 200_000) output += `${line}\n`;
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  let exited = false;
  child.on("exit", () => (exited = true));

  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`${label}: wrangler dev exited before it answered:\n${output.slice(-3000)}`);
    try {
      const response = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`${label}: ${url}${readyPath} did not answer within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`);
    }
    await sleep(500);
  }
  // wrangler dev runs more than one workerd (the Worker with its local D1, and its own proxies):
  // their CPU is counted together, an upper bound of the Worker's.
  const workerdPids = descendantsOf(child.pid).filter((pid) => commandOf(pid) === "workerd");

  async function stop() {
    if (exited) return;
    try {
      process.kill(-child.pid, "SIGINT");
    } catch {
      return;
    }
    for (let waited = 0; !exited && waited < 10_000; waited += 200) await sleep(200);
    if (!exited) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      await sleep(500);
    }
  }
  return { url, port, workerdPids, meterLines, output: () => output, stop };
}

/** A port nothing listens on, from `preferred` up (ports other work uses are skipped by trying). */
export async function freePort(preferred) {
  const { createServer } = await import("node:net");
  for (let port = preferred; port < preferred + 200; port++) {
    const free = await new Promise((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${preferred}`);
}
