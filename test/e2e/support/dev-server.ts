// Starts the app the way a user does (scripts/dev.mjs, what `npm run dev` runs: asset build, local
// D1 migrated, wrangler dev, demo seed) on a free port with a throwaway state directory, so the
// browser tests never touch the developer's .wrangler/state or port 8787, and stops every process
// it started (the whole process group) afterwards. dev.mjs is our own child (not npm's), so if this
// process dies without cleaning up, dev.mjs notices its parent is gone and stops wrangler itself.
//
// The assets are served from a copy of web/dist/ taken after the asset build: wrangler dev rebuilds
// web/dist/ whenever a file under web/src is saved, and a page loaded before such a rebuild would
// ask for code-split chunks whose hashed names are gone.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { artifactsDir, root } from "./paths";

/** dev.mjs prints this banner once the server answers and the seed (if any) has finished. */
const READY = "Edge CRM is running";
// Only a start that hangs may fail on time: on a busy 2-core machine the asset build, migrations,
// wrangler and the demo seed together have taken over four minutes.
const START_TIMEOUT_MS = 600_000;
const STOP_TIMEOUT_MS = 10_000;

export interface DevServer {
  origin: string;
  /** The built assets the server serves (a copy of web/dist/). */
  assetsDir: string;
  stop: () => Promise<void>;
  /** The lines of the app's log that report an error (uncaught, or logged by the Worker). */
  problemLines: () => string[];
}

const PROBLEM = /\b(error|exception|uncaught|failed|warning|cancell?ed)\b|✘/i;

/** A port nobody listens on right now (the OS picks it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** True while any process of the group led by `pid` is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

/** `env`: more environment for dev.mjs (e.g. DEV_LOCAL_SHOP_ORIGINS for the fake shop). */
export async function startDevServer({ seed, env = {} }: { seed: boolean; env?: Record<string, string> }): Promise<DevServer> {
  const scratch = await mkdtemp(join(tmpdir(), "edge-crm-e2e-"));
  const stateDir = join(scratch, "state");
  const assetsDir = join(scratch, "assets");
  const build = spawnSync(process.execPath, ["scripts/build-assets.mjs"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) {
    await rm(scratch, { recursive: true, force: true });
    throw new Error(`the asset build failed:\n${build.stdout}${build.stderr}`);
  }
  await cp(join(root, "web", "dist"), assetsDir, { recursive: true });
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  await mkdir(artifactsDir, { recursive: true });
  const logPath = join(artifactsDir, "dev-server.log");
  // Its output goes to a file, not a pipe to us: a pipe would break if we died, and dev.mjs with it,
  // before it could stop wrangler.
  const log = openSync(logPath, "w");

  // Its own process group (detached), so stopping it ends dev.mjs, wrangler and workerd alike.
  const child: ChildProcess = spawn(process.execPath, ["scripts/dev.mjs", "--persist-to", stateDir, "--assets", assetsDir, ...(seed ? [] : ["--no-seed"])], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, ...env, PORT: String(port), WRANGLER_SEND_METRICS: "false", FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  closeSync(log);
  const pid = child.pid!;
  const output = () => readFileSync(logPath, "utf8");

  const stop = async () => {
    if (groupAlive(pid)) process.kill(-pid, "SIGTERM");
    if (!(await waitUntil(() => !groupAlive(pid), STOP_TIMEOUT_MS))) {
      process.kill(-pid, "SIGKILL");
      await waitUntil(() => !groupAlive(pid), STOP_TIMEOUT_MS);
    }
    await rm(scratch, { recursive: true, force: true });
    if (groupAlive(pid)) throw new Error(`the dev server's processes (group ${pid}) did not stop`);
  };

  let exit: string | undefined;
  child.once("exit", (code, signal) => (exit = `exited early (${signal ?? `code ${code}`})`));
  const ready = await waitUntil(() => exit !== undefined || output().includes(READY), START_TIMEOUT_MS);
  const outcome = exit ?? (ready ? "ready" : `gave no banner within ${START_TIMEOUT_MS / 1000} s`);
  if (outcome !== "ready") {
    await stop();
    throw new Error(`scripts/dev.mjs ${outcome}; its output is in ${logPath}:\n${output().slice(-4000)}`);
  }
  const problemLines = () => (existsSync(logPath) ? output().split("\n").filter((line) => PROBLEM.test(line)) : []);
  return { origin, assetsDir, stop, problemLines };
}
