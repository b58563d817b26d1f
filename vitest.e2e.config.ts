// The browser tests (test/e2e): plain Node, not the workers pool. One app server for the whole run
// (started by the global setup through `npm run dev`), Debian's Chromium through playwright-core.
//   npx vitest run -c vitest.e2e.config.ts [test/e2e/<file>.test.ts]
import { defineConfig } from "vitest/config";

/** How long one wait for the page may take (test/e2e/support/waiting.ts): under the test timeout. */
const WAIT_MS = 30_000;

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["./test/e2e/support/global-setup.ts"],
    // Two files at a time: each has its own Chromium, and all share one workerd on a 2-core machine.
    maxWorkers: 2,
    // Only a test that hangs may fail on time: on a 2-core machine loaded ~15 times over, the longest
    // (six screenshots) took 51 s. (The app's start has its own limit, in support/dev-server.ts.)
    testTimeout: 180_000,
    hookTimeout: 180_000,
    provide: { waitMs: WAIT_MS },
    // A plain expect.poll waits as long as eventually() (its own default, 1 s, is too short for a
    // busy machine).
    expect: { poll: { timeout: WAIT_MS, interval: 100 } },
    // A browser journey that fails once is a bug to look at, not to retry.
    retry: 0,
  },
});
