// Runs before each test file: the file's isolated D1 gets the real migrations.
import { applyD1Migrations, env } from "cloudflare:test";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
