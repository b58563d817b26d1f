/// <reference types="vite/client" />
// PLUGINS.md's event table is generated from the live schemas (core's events and every registered
// plugin's own); this fails when the committed table no longer matches them.
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

  it("names every plugin definition error code", async () => {
    const source = import.meta.glob("/worker/core/plugin-runtime/plugin-definition-error.ts", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
    const codes = [...Object.values(source)[0]!.matchAll(/"(PLUGIN_[A-Z_]+)"/g)].map((match) => match[1]!);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((code) => !pluginsDoc.includes(`\`${code}\``))).toEqual([]);
  });
});
