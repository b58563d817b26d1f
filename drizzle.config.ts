// drizzle-kit turns the table definitions into the SQL files in migrations/, which wrangler applies.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: ["./worker/core/data/schema.ts", "./plugins/*/schema.ts"],
  out: "./migrations",
});
