#!/usr/bin/env node
// `npm run plugin:migration <id>`: regenerates a plugin's not-yet-released migration from its
// schema.ts, without drizzle-kit's interactive rename prompt (which stops `db:generate` when no
// terminal is attached). The plugin's own migration — the latest one, touching only its tables
// (`<id>_…`), not yet on the main branch — is removed with its snapshot and journal entry, and
// generated again from the previous snapshot, so every change reads as a fresh CREATE TABLE. Its
// hand-written part (after `-- hand-written:`) is kept. A migration on main is released: it is
// never rewritten; change the schema and run `npm run db:generate -- --name plugin-<id>-<change>`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const migrations = join(root, "migrations");
const journalPath = join(migrations, "meta", "_journal.json");
const RELEASED_BRANCH = process.env.RELEASED_BRANCH ?? "main";
const HAND_WRITTEN = "-- hand-written:";

function fail(message) {
  console.error(`plugin:migration: ${message}`);
  process.exit(1);
}

const git = (...args) => spawnSync("git", args, { cwd: root, encoding: "utf8" });

/** On the released branch already (then it may have run somewhere: never rewrite it). */
function isReleased(file) {
  if (git("rev-parse", "--verify", "--quiet", RELEASED_BRANCH).status !== 0) fail(`no branch "${RELEASED_BRANCH}" to tell released migrations from new ones (set RELEASED_BRANCH).`);
  return git("cat-file", "-e", `${RELEASED_BRANCH}:migrations/${file}`).status === 0;
}

/** The tables a migration's SQL creates, alters, drops or indexes. */
const tablesOf = (sql) => [...sql.matchAll(/(?:CREATE TABLE|ALTER TABLE|DROP TABLE|CREATE (?:UNIQUE )?INDEX [`"]?\w+[`"]? ON) [`"]?(\w+)[`"]?/gi)].map((m) => m[1]);

async function main() {
  const [id, ...rest] = process.argv.slice(2);
  if (!id || rest.length) fail("usage: npm run plugin:migration <plugin id>");
  if (!existsSync(join(root, "plugins", id, "schema.ts"))) fail(`plugins/${id}/schema.ts does not exist.`);
  const prefix = `${id.replaceAll("-", "_")}_`;

  const journal = JSON.parse(await readFile(journalPath, "utf8"));
  const last = journal.entries.at(-1);
  if (!last) fail("migrations/ has no migration yet; run npm run db:generate first.");
  const file = `${last.tag}.sql`;
  const sql = await readFile(join(migrations, file), "utf8");
  const statements = sql.split(HAND_WRITTEN)[0];
  const tables = tablesOf(statements);
  if (tables.length === 0 || tables.some((table) => !table.startsWith(prefix))) {
    fail(`the latest migration (${file}) is not only plugin "${id}"'s (it touches ${[...new Set(tables)].join(", ") || "no table"}).
Only a plugin's latest migration can be regenerated; otherwise add one: npm run db:generate -- --name plugin-${id}-<what-changed>`);
  }
  if (isReleased(file)) {
    fail(`${file} is on ${RELEASED_BRANCH}: released migrations are append-only. Add one: npm run db:generate -- --name plugin-${id}-<what-changed>`);
  }
  const handWritten = sql.includes(HAND_WRITTEN) ? sql.slice(sql.indexOf(HAND_WRITTEN)) : null;

  // Forget the migration, then generate it again from the snapshot before it.
  const journalBefore = await readFile(journalPath, "utf8");
  const snapshot = join(migrations, "meta", `${String(last.idx).padStart(4, "0")}_snapshot.json`);
  const snapshotBefore = await readFile(snapshot, "utf8");
  await rm(join(migrations, file));
  await rm(snapshot);
  journal.entries.pop();
  await writeFile(journalPath, JSON.stringify(journal, null, 2));
  const name = last.tag.replace(/^\d+_/, "");
  const generated = spawnSync("npx", ["drizzle-kit", "generate", "--name", name], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const made = `${last.tag}.sql`;
  if (generated.status !== 0 || !existsSync(join(migrations, made))) {
    // Put everything back as it was.
    await writeFile(join(migrations, file), sql);
    await writeFile(snapshot, snapshotBefore);
    await writeFile(journalPath, journalBefore);
    fail(`drizzle-kit generate failed; ${file} is restored.\n${generated.stdout}${generated.stderr}`);
  }
  if (handWritten) await writeFile(join(migrations, made), `${(await readFile(join(migrations, made), "utf8")).trimEnd()}\n\n${handWritten}`);
  const foreign = tablesOf(await readFile(join(migrations, made), "utf8")).filter((table) => !table.startsWith(prefix));
  console.log(`Regenerated migrations/${made} from plugins/${id}/schema.ts${handWritten ? " (its hand-written part kept)" : ""}.`);
  if (foreign.length) console.warn(`Warning: it also changes ${[...new Set(foreign)].join(", ")}: another schema change had not been generated yet. Review it.`);
}

await main();
