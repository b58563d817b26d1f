// `npm run docs:events`: rewrites the event table in PLUGINS.md (between <!-- events:start --> and
// <!-- events:end -->) from the live zod schemas: core's events and every registered plugin's own.
// `--check` writes nothing and fails when the table is stale (the test suite checks it too).
// Run with tsx: it imports the TypeScript sources as they are.
import { readFile, writeFile } from "node:fs/promises";
import { plugins } from "../plugins/registry";
import { eventGroups, renderEventSection, withEventSection } from "../worker/core/events/event-table";

const path = new URL("../PLUGINS.md", import.meta.url);
const check = process.argv.includes("--check");

const doc = await readFile(path, "utf8");
const groups = eventGroups(plugins);
const next = withEventSection(doc, renderEventSection(groups));
const count = groups.reduce((sum, group) => sum + Object.keys(group.events).length, 0);

if (next === doc) {
  console.log(`PLUGINS.md: the event table is up to date (${count} events).`);
} else if (check) {
  console.error("PLUGINS.md: the event table is stale. Run `npm run docs:events` and commit PLUGINS.md.");
  process.exitCode = 1;
} else {
  await writeFile(path, next);
  console.log(`PLUGINS.md: event table rewritten (${count} events from ${groups.map((group) => group.source).join(", ")}).`);
}
