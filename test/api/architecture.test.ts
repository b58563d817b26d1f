/// <reference types="vite/client" />
// The design's structural rules, checked on the source itself: the database is resolved in one
// place (so sharding changes one resolver), core never imports a plugin, and plugins import only
// the plugin API.
import { describe, expect, it } from "vitest";

const sources = import.meta.glob(["/worker/**/*.ts", "/plugins/**/*.ts", "!**/*.test.ts"], { query: "?raw", import: "default", eager: true }) as Record<string, string>;

const filesMatching = (pattern: RegExp, among = Object.keys(sources)) => among.filter((file) => pattern.test(sources[file]!));

describe("architecture", () => {
  it("reads the source tree", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(30);
  });

  it("resolves the D1 binding only in the data layer (and the health check)", () => {
    // d1-meter.ts wraps the binding itself (when the benchmark asks), under every resolver alike.
    const resolvers = ["/core/data/database.ts", "/core/data/d1-meter.ts", "/core/health/health.routes.ts"];
    const users = filesMatching(/\benv\.DB\b/).filter((file) => !resolvers.some((allowed) => file.endsWith(allowed)));
    expect(users).toEqual([]);
  });

  it("keeps core free of plugin imports", () => {
    const core = Object.keys(sources).filter((file) => file.startsWith("/worker/core/") || file.startsWith("/worker/plugin-api/"));
    expect(filesMatching(/from\s+["'](\.\.\/)+plugins\//, core)).toEqual([]);
  });

  it("lets plugins import only the plugin API from the worker", () => {
    const plugins = Object.keys(sources).filter((file) => file.startsWith("/plugins/"));
    const offenders = plugins.filter((file) => [...sources[file]!.matchAll(/from\s+["']((?:\.\.\/)+worker\/[^"']+)["']/g)].some((m) => !m[1]!.includes("worker/plugin-api")));
    expect(offenders).toEqual([]);
  });
});
