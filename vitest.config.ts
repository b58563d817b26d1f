// Tests run inside workerd against a local D1 with the real migrations applied.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Stored secrets are sealed with ENCRYPTION_KEY (worker/core/secrets/secret-box.ts); a fixed,
// public value for tests (32 bytes, base64).
const TEST_ENCRYPTION_KEY = "dGVzdC1vbmx5IGtleSBmb3IgZWRnZS1jcm0gdGVzdHM=";

const migrations = await readD1Migrations(fileURLToPath(new URL("./migrations", import.meta.url)));

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      // No background queue consumer: tests deliver events explicitly (test/support/delivery.ts).
      // Tests run as a Workers Paid deployment (1,000 D1 queries per invocation); a test of the
      // Free plan's 50 sets its own (worker/core/import/import-budget.test.ts).
      miniflare: { bindings: { TEST_MIGRATIONS: migrations, D1_QUERIES_PER_INVOCATION: "1000", ENCRYPTION_KEY: TEST_ENCRYPTION_KEY }, queueProducers: { EVENTS_QUEUE: { queueName: "edge-crm-events-in-tests" }, JOBS_QUEUE: { queueName: "edge-crm-jobs-in-tests" } } },
    }),
  ],
  test: {
    include: ["worker/**/*.test.ts", "plugins/**/*.test.ts", "test/api/**/*.test.ts", "test/fuzz/**/*.test.ts", "web/src/**/*.test.ts"],
    setupFiles: ["./test/support/apply-migrations.ts"],
    // Files run one after another in each test worker's runtime rather than each in a new one:
    // starting a runtime and loading the Worker's modules cost ~4 s of CPU per file, most of the
    // suite's time. The setup file gives each file an empty database and undoes its mocks.
    isolate: false,
    // Two files at a time even on a 2-core machine (vitest's default there is one): a file spends
    // most of its start-up waiting on workerd and module loading, so two overlap well (a measured
    // 28 % shorter run; each file still has its own database).
    maxWorkers: 2,
    // A stall guard, not a speed limit: a test that passes on a busy 2-core machine must not fail
    // for taking its time (keep tests fast instead; see test/api/*.test.ts).
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
