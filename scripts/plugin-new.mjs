#!/usr/bin/env node
// `npm run plugin:new <id>`: scaffolds plugins/<id>/ from scripts/plugin-template/ (a plugin with
// settings, a permission, a table, routes, an `on` hook, UI metadata, tests, the fixtures the core
// tests take from it and a README),
// registers it in plugins/registry.ts and generates its migration with drizzle-kit. The tree is
// left so that `npm test` passes at once. Nothing is left half-done: if a step fails, what was
// written is removed again.
import { spawnSync } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const templates = join(root, "scripts", "plugin-template");
const registryPath = join(root, "plugins", "registry.ts");
const migrationsDir = join(root, "migrations");

// The registry's rule (worker/core/plugin-runtime/validate-plugins.ts).
const ID = /^[a-z][a-z0-9-]{1,31}$/;

const USAGE = `Usage: npm run plugin:new <id>

  <id>  2-32 lower-case letters, digits or dashes, starting with a letter (e.g. "gift-cards").
        It names the folder (plugins/<id>/), the route prefix (/api/plugins/<id>/…),
        the permission prefix (<id>:…) and the event prefix (<id>.…).`;

function fail(message) {
  console.error(`plugin:new: ${message}`);
  process.exit(1);
}

/** The names the templates use, derived from the id. */
function namesFor(id) {
  const words = id.split("-").filter(Boolean);
  const camel = words.map((word, i) => (i === 0 ? word : word[0].toUpperCase() + word.slice(1))).join("");
  const Pascal = camel[0].toUpperCase() + camel.slice(1);
  const Title = words.map((word) => word[0].toUpperCase() + word.slice(1)).join(" ");
  const snake = words.join("_");
  return { id, camel, Pascal, Title, snake, idPrefix: snake };
}

function fill(template, names) {
  return template.replace(/\{\{(\w+)\}\}/g, (match, key) => {
    if (!(key in names)) throw new Error(`unknown placeholder ${match}`);
    return names[key];
  });
}

/** Adds `import { xPlugin } from "./x";` and `xPlugin,` at the end of the list, keeping the file's layout. */
function registerPlugin(source, names) {
  const symbol = `${names.camel}Plugin`;
  const importLine = `import { ${symbol} } from "./${names.id}";\n`;
  const imports = [...source.matchAll(/^import\b[^;]*;[^\n]*\n/gm)];
  const at = imports.length ? imports.at(-1).index + imports.at(-1)[0].length : 0;
  let next = source.slice(0, at) + importLine + source.slice(at);

  const list = /(export const plugins\b[^=]*=\s*\[)([\s\S]*?)(\][^;\n]*;)/.exec(next);
  if (!list) throw new Error("plugins/registry.ts has no `export const plugins = [...]` list");
  const [whole, open, inner, close] = list;
  let entries;
  if (inner.trim() === "") {
    entries = `\n  ${symbol},\n`;
  } else if (!inner.includes("\n")) {
    // A one-line list becomes one entry per line.
    const items = inner.split(",").map((item) => item.trim()).filter(Boolean);
    entries = `\n${[...items, symbol].map((item) => `  ${item},`).join("\n")}\n`;
  } else {
    const lines = inner.replace(/\s*$/, "").split("\n");
    // The last line with code gets its trailing comma (before any line comment).
    for (let i = lines.length - 1; i >= 0; i--) {
      const [code, ...comment] = lines[i].split("//");
      if (code.trim() === "") continue;
      if (!code.trimEnd().endsWith(",") && !code.trimEnd().endsWith("[")) {
        lines[i] = code.trimEnd() + "," + (comment.length ? ` //${comment.join("//")}` : "");
      }
      break;
    }
    entries = `${lines.join("\n")}\n  ${symbol},\n`;
  }
  return next.slice(0, list.index) + open + entries + close + next.slice(list.index + whole.length);
}

/** Folder names under plugins/: a plugin's folder is named by its id. */
async function existingPluginFolders() {
  return new Set((await readdir(join(root, "plugins"), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name));
}

async function existingTables() {
  const tables = new Set();
  for (const file of await readdir(migrationsDir)) {
    if (!file.endsWith(".sql")) continue;
    for (const m of (await readFile(join(migrationsDir, file), "utf8")).matchAll(/CREATE TABLE [`"]?(\w+)[`"]?/gi)) tables.add(m[1]);
  }
  return tables;
}

function run(command, args) {
  // No time limit: on a busy machine drizzle-kit is slow, not broken.
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}` };
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  if (args.length !== 1) fail(`expected one plugin id.\n\n${USAGE}`);
  const id = args[0];
  if (!ID.test(id)) fail(`"${id}" is not a valid plugin id.\n\n${USAGE}`);
  if ((await existingPluginFolders()).has(id)) fail(`plugins/${id}/ already exists.`);
  const registrySource = await readFile(registryPath, "utf8");
  if (registrySource.includes(`"./${id}"`)) fail(`plugins/registry.ts already imports "./${id}".`);

  const names = namesFor(id);
  const table = `${names.snake}_entries`;
  if ((await existingTables()).has(table)) fail(`a table "${table}" already exists in migrations/; choose another id.`);

  const folder = join(root, "plugins", id);
  const files = [
    ["index.ts.tmpl", "index.ts"],
    ["schema.ts.tmpl", "schema.ts"],
    ["test.ts.tmpl", `${id}.test.ts`],
    ["test-fixtures.ts.tmpl", "test-fixtures.ts"],
    ["README.md.tmpl", "README.md"],
  ];
  const journalPath = join(migrationsDir, "meta", "_journal.json");
  const journalBefore = await readFile(journalPath, "utf8");
  const migrationFilesBefore = new Set(await readdir(migrationsDir));
  const snapshotsBefore = new Set(await readdir(join(migrationsDir, "meta")));

  const undo = async () => {
    await rm(folder, { recursive: true, force: true });
    await writeFile(registryPath, registrySource);
    await writeFile(journalPath, journalBefore);
    for (const file of await readdir(migrationsDir)) if (!migrationFilesBefore.has(file)) await rm(join(migrationsDir, file), { force: true });
    for (const file of await readdir(join(migrationsDir, "meta"))) if (!snapshotsBefore.has(file)) await rm(join(migrationsDir, "meta", file), { force: true });
  };

  try {
    await mkdir(folder);
    for (const [template, target] of files) {
      await writeFile(join(folder, target), fill(await readFile(join(templates, template), "utf8"), names));
    }
    await writeFile(registryPath, registerPlugin(registrySource, names));

    const generated = run("npx", ["drizzle-kit", "generate", "--name", `plugin-${id}`]);
    if (!generated.ok) throw new Error(`drizzle-kit generate failed:\n${generated.output}`);
    const migration = (await readdir(migrationsDir)).find((file) => file.endsWith(".sql") && !migrationFilesBefore.has(file));
    if (!migration) throw new Error(`drizzle-kit generated no migration:\n${generated.output}`);
    const sql = await readFile(join(migrationsDir, migration), "utf8");
    const foreign = [...sql.matchAll(/(?:CREATE TABLE|ALTER TABLE|DROP TABLE|CREATE (?:UNIQUE )?INDEX [`"]?\w+[`"]? ON) [`"]?(\w+)[`"]?/gi)]
      .map((m) => m[1])
      .filter((name) => name !== table);

    const rel = (path) => relative(root, path);
    console.log(`Created the plugin "${id}":\n`);
    for (const [, target] of files) console.log(`  ${rel(join(folder, target))}`);
    console.log(`  ${rel(join(migrationsDir, migration))}   (table ${table}; applied by wrangler and the tests)`);
    console.log(`  ${rel(registryPath)}   (registered: ${names.camel}Plugin, last in hook order)`);
    if (foreign.length) {
      console.warn(
        `\nWarning: the migration also changes ${[...new Set(foreign)].join(", ")}: some other schema change had not been generated yet.` +
          `\nReview ${rel(join(migrationsDir, migration))} before committing it.`,
      );
    }
    console.log(`
Next steps:
  1. Write what the plugin does in plugins/${id}/index.ts (the Persian name and description too)
     and plugins/${id}/README.md. The contract and its guarantees: PLUGINS.md.
  2. Run its tests:                     npx vitest run plugins/${id}
  3. Changed schema.ts? Before it is on main: npm run plugin:migration ${id}
     (once on main, migrations are append-only: npm run db:generate -- --name plugin-${id}-<what-changed>)
  4. Declared events of its own?         npm run docs:events   (the event table in PLUGINS.md)
  5. Try it:                             npm run dev, then PATCH /api/plugins/${id} {"enabled": true}
  6. Before committing:                  npm run typecheck && npm test`);
  } catch (error) {
    await undo();
    fail(`${error instanceof Error ? error.message : String(error)}\nNothing was created.`);
  }
}

await main();
