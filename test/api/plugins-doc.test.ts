/// <reference types="vite/client" />
// PLUGINS.md's event table is generated from the live schemas (core's events and every registered
// plugin's own); this fails when the committed table no longer matches them. Its exports table
// must name every export of worker/plugin-api, and nothing else.
import { describe, expect, it } from "vitest";
import pluginsDoc from "../../PLUGINS.md?raw";
import { plugins } from "../../plugins/registry";
import { eventGroups, eventSection, renderEventSection } from "../../worker/core/events/event-table";

describe("PLUGINS.md", () => {
  it("has the event table of every core and plugin event, as the schemas are now", () => {
    const committed = eventSection(pluginsDoc);
    expect(committed, "PLUGINS.md lost its <!-- events:start --> … <!-- events:end --> markers").not.toBeNull();
    expect(committed, "The event table in PLUGINS.md is stale: run `npm run docs:events` and commit PLUGINS.md").toBe(renderEventSection(eventGroups(plugins)));
  });

  it("lists every export of worker/plugin-api, with a signature, and nothing it does not export", () => {
    const source = import.meta.glob("/worker/plugin-api/index.ts", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
    const exported = [...Object.values(source)[0]!.matchAll(/export (?:type )?\{([^}]*)\}/g)]
      .flatMap((match) => match[1]!.split(","))
      .map((name) => name.trim().replace(/^type\s+/, "").split(/\s+as\s+/).at(-1)!)
      .filter(Boolean);
    expect(exported.length).toBeGreaterThan(40);
    const section = /<!-- exports:start -->([\s\S]*?)<!-- exports:end -->/.exec(pluginsDoc)?.[1] ?? "";
    const rows = section.split("\n").filter((line) => /^\| `/.test(line));
    const documented = rows.map((row) => /^\| `([A-Za-z]+)`/.exec(row)![1]!);
    expect([...documented].sort()).toEqual([...exported].sort());
    // Each row says what it takes (a signature or a kind) and what it is.
    expect(rows.filter((row) => row.split(" | ").length < 3 || row.split(" | ").some((cell) => cell.trim() === ""))).toEqual([]);
  });

  it("names every plugin definition error code", async () => {
    const source = import.meta.glob("/worker/core/plugin-runtime/plugin-definition-error.ts", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
    const codes = [...Object.values(source)[0]!.matchAll(/"(PLUGIN_[A-Z_]+)"/g)].map((match) => match[1]!);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((code) => !pluginsDoc.includes(`\`${code}\``))).toEqual([]);
  });
});
