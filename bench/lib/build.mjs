// A frozen build of the app for the benchmark: the bundle `wrangler deploy --minify` would upload,
// the web assets as they are now, and a wrangler config that runs exactly these (no rebuild, no
// watching). Also what the bundle weighs and how long the Worker takes to start.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { experimental_readRawConfig } from "wrangler";
import { root } from "../../scripts/wrangler.mjs";
import { wranglerOk } from "./server.mjs";

/** Builds into `dir`; returns { config, bundle: { file, raw, gzip } }. */
export async function freezeBuild(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const workerDir = join(dir, "worker");
  // Runs the asset build ([build] in wrangler.toml) and bundles as a deploy does.
  await wranglerOk(["deploy", "--dry-run", "--minify", "--outdir", workerDir]);
  cpSync(join(root, "web/dist"), join(dir, "assets"), { recursive: true });

  const { rawConfig } = experimental_readRawConfig({ config: join(root, "wrangler.toml") });
  const entry = readdirSync(workerDir).find((name) => name.endsWith(".js"));
  if (!entry) throw new Error(`no bundle in ${workerDir}`);
  const { build: _build, ...rest } = rawConfig;
  const config = {
    ...rest,
    // Bundled again by wrangler dev, which adds its own middleware (the /__scheduled trigger);
    // the bundle has no imports left, so nothing else is read or watched.
    main: `worker/${entry}`,
    assets: { ...rawConfig.assets, directory: "assets" },
    d1_databases: rawConfig.d1_databases.map((database) => ({ ...database, migrations_dir: resolve(root, database.migrations_dir ?? "migrations") })),
  };
  const configPath = join(dir, "wrangler.json");
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const bundle = readFileSync(join(workerDir, entry));
  return { config: configPath, bundle: { file: join(workerDir, entry), raw: bundle.length, gzip: gzipSync(bundle, { level: 9 }).length } };
}

/**
 * The Worker's start-up: `wrangler check startup` builds the Worker as a deploy does and profiles
 * its parse and global-scope run in workerd; the profile's active (non-idle) time is the figure
 * Cloudflare's start-up limit is about. Best of `runs`, to keep a busy machine's noise out of it.
 */
export async function startupMs(dir, runs = 3) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const outfile = join(dir, `startup-${run}.cpuprofile`);
    const { stdout, stderr } = await wranglerOk(["check", "startup", "--args=--minify", "--outfile", outfile]);
    const active = /Active:\s*([\d.]+)\s*ms/.exec(stdout + stderr);
    if (active) times.push(Number(active[1]));
    else if (existsSync(outfile) && statSync(outfile).size > 0) {
      // Older wranglers print no summary: the profile's span is an upper bound.
      const profile = JSON.parse(readFileSync(outfile, "utf8"));
      times.push((profile.endTime - profile.startTime) / 1000);
    }
  }
  return times.length ? Math.min(...times) : null;
}
