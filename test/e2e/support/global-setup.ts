// Once per e2e run: start the app (scripts/dev.mjs) with the demo workspace seeded, hand its origin
// to the tests (inject("origin")), and stop it when the run ends. With E2E_ORIGIN set (e.g.
// E2E_ORIGIN=http://localhost:8788), the tests use that running server instead, and web/dist/ as
// its assets: quicker while writing a test, but that server's data is then written to.
// It first prints the Chromium version the run drives, so a failure can be tied to a browser update.
// A fake WooCommerce shop is served on a loopback port (inject("fakeShop")) and only this app server
// is allowed to call it (DEV_LOCAL_SHOP_ORIGINS); with E2E_ORIGIN that server must have been started
// with the allowance for the shop journey to pass.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { CHROMIUM } from "./browser";
import { startDevServer } from "./dev-server";
import { startFakeShop, type FakeShopInfo } from "./fake-shop-server";
import { root } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
    assetsDir: string;
    fakeShop: FakeShopInfo;
  }
}

/** What the browser says it is ("Chromium 150.0.7871.100 built on Debian …"); only printed, so never fatal. */
function chromiumVersion(): string {
  const asked = spawnSync(CHROMIUM, ["--version"], { encoding: "utf8", timeout: 60_000 });
  const version = asked.stdout?.trim();
  return asked.status === 0 && version ? version : `a Chromium whose --version failed (${asked.error?.message ?? `exit ${asked.status}: ${asked.stderr?.trim()}`})`;
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  console.log(`e2e: driving ${chromiumVersion()} (${CHROMIUM})`);
  const shop = await startFakeShop();
  project.provide("fakeShop", shop.info);
  const existing = process.env.E2E_ORIGIN;
  if (existing) {
    project.provide("origin", existing.replace(/\/$/, ""));
    project.provide("assetsDir", join(root, "web", "dist"));
    return shop.stop;
  }
  const started = Date.now();
  const server = await startDevServer({ seed: true, env: { DEV_LOCAL_SHOP_ORIGINS: shop.info.origin } }).catch(async (error: unknown) => {
    await shop.stop();
    throw error;
  });
  console.log(`e2e: the app is up at ${server.origin} (started and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  project.provide("origin", server.origin);
  project.provide("assetsDir", server.assetsDir);
  return async () => {
    await server.stop();
    await shop.stop();
    // The app's own errors explain many a failed wait; a CI log shows only what is printed here.
    const problems = server.problemLines();
    if (problems.length) console.log(`e2e: the app logged ${problems.length} error line(s), the last ones:\n${problems.slice(-20).join("\n")}`);
  };
}
