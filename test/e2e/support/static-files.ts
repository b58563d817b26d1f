// Reads the built UI (a copy of web/dist/): which script index.html starts, which files that
// script imports statically (the browser fetches them all before the first page runs), and the
// header rules of _headers.
import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import ts from "typescript";

/** The entry script's path ("/assets/main-….js"), as index.html names it. */
export async function entryScript(assetsDir: string): Promise<string> {
  const html = await readFile(join(assetsDir, "index.html"), "utf8");
  const match = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html);
  if (!match) throw new Error("index.html starts no module script");
  return match[1]!;
}

/** Module specifiers of a file's `import … from` and `export … from` statements (not import()). */
function staticImports(code: string): string[] {
  const source = ts.createSourceFile("module.js", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

/** The entry script and every file it imports statically, transitively: URL path → file contents. */
export async function firstPageScripts(assetsDir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const visit = async (urlPath: string) => {
    if (files.has(urlPath)) return;
    const contents = await readFile(join(assetsDir, urlPath));
    files.set(urlPath, contents);
    for (const specifier of staticImports(contents.toString("utf8"))) {
      await visit(specifier.startsWith("/") ? specifier : posix.join(posix.dirname(urlPath), specifier));
    }
  };
  await visit(await entryScript(assetsDir));
  return files;
}

/** The rules of a Workers Static Assets `_headers` file: path pattern → headers (names lower-cased). */
export async function headerRules(assetsDir: string): Promise<Map<string, Map<string, string>>> {
  const text = await readFile(join(assetsDir, "_headers"), "utf8");
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(":");
    if (current && colon > 0) current.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return rules;
}
