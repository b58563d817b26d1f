// Every write route the app publishes (from /openapi.json, so a new one is fuzzed the day it is
// added), fed random malformed input: bodies that are not JSON objects, objects whose fields
// carry wrong types, huge strings, control characters and mixed scripts, hostile path ids and
// headers. Each answer must be a 4xx problem+json (never a 5xx), and no table may change.
// Bounded (RUNS per route) and seeded (FUZZ_SEED): a failure prints the seed and path to replay.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins/registry";
import { anonymous, signUp, type ApiClient, type ApiResponse } from "../support/client";
import { publishedRoutes, type PublishedRoute } from "../support/routes";
import { databaseFingerprint } from "../support/snapshot";
import { contentType, FUZZ_SEED, hostileValue, notAnObjectBody, oddHeaderValue, pathId, valueOfType, type JsonType } from "./hostile";

const RUNS = 24;

/** Routes that are fuzzed elsewhere or would end the caller's own session. */
const SKIPPED = new Set(["POST /webhooks/{platform}/{connectionId}", "POST /api/auth/logout"]);

type Schema = Record<string, any>;
let document: { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } };
let owner: ApiClient;

const resolve = (schema: Schema | undefined): Schema | undefined => {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 10; hops++) current = document.components.schemas[String(current.$ref).split("/").pop()!];
  return current;
};

const ALL_TYPES: JsonType[] = ["string", "number", "boolean", "array", "object", "null"];

/** The JSON types a schema admits, or null when it admits anything (or says too little to tell). */
function typesOf(schema: Schema | undefined): Set<JsonType> | null {
  const s = resolve(schema);
  if (!s) return null;
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    const union = new Set<JsonType>();
    for (const variant of variants as Schema[]) {
      const types = typesOf(variant);
      if (!types) return null;
      types.forEach((type) => union.add(type));
    }
    return union;
  }
  if (s.allOf) return typesOf(s.allOf[0]);
  const jsonType = (value: unknown): JsonType => (value === null ? "null" : Array.isArray(value) ? "array" : (typeof value as JsonType));
  if (Array.isArray(s.enum)) return new Set(s.enum.map(jsonType));
  if ("const" in s) return new Set([jsonType(s.const)]);
  if (!s.type) return null;
  const types = new Set<JsonType>();
  for (const type of [s.type].flat() as string[]) types.add(type === "integer" ? "number" : (type as JsonType));
  if (s.nullable) types.add("null");
  return types;
}

/** The body's fields that every shape of it has, with the types each admits. */
function typedFields(schema: Schema | undefined): Array<{ name: string; wrong: JsonType[] }> {
  const s = resolve(schema);
  if (!s) return [];
  const shapes = ((s.oneOf ?? s.anyOf ?? [s]) as Schema[]).map(resolve).filter((shape): shape is Schema => Boolean(shape?.properties));
  if (shapes.length === 0) return [];
  const names = Object.keys(shapes[0]!.properties).filter((name) => shapes.every((shape) => name in shape.properties));
  return names.flatMap((name) => {
    const admitted = new Set<JsonType>();
    for (const shape of shapes) {
      const types = typesOf(shape.properties[name]);
      if (!types) return [];
      types.forEach((type) => admitted.add(type));
    }
    const wrong = ALL_TYPES.filter((type) => !admitted.has(type));
    return wrong.length ? [{ name, wrong }] : [];
  });
}

interface FuzzRequest {
  path: string;
  body: string | undefined;
  headers: Record<string, string>;
}

const percentEncoded = (text: string) => [...new TextEncoder().encode(text)].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");

/** Requests for a route that no correct server may accept. */
function requestsFor(route: PublishedRoute): fc.Arbitrary<FuzzRequest> {
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const pathArb = fc.tuple(...params.map(() => pathId)).map((ids) => {
    let index = 0;
    return route.path.replace(/\{(\w+)\}/g, () => percentEncoded(ids[index++]!));
  });
  const operation = document.paths[route.path]![route.method.toLowerCase()]!;
  const fields = typedFields(operation.requestBody?.content?.["application/json"]?.schema);
  const bodies: fc.Arbitrary<string | undefined> = !route.hasJsonBody
    ? fc.constant(undefined)
    : fields.length === 0
      ? notAnObjectBody
      : fc.oneof(
          notAnObjectBody,
          // One field surely of a wrong type, the others anything: no valid body among them.
          fc
            .tuple(
              fc.constantFrom(...fields),
              fc.dictionary(fc.constantFrom(...fields.map((field) => field.name)), hostileValue, { maxKeys: fields.length }),
              fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 }),
            )
            .chain(([field, others, extra]) =>
              fc.constantFrom(...field.wrong).chain((type) => valueOfType(type).map((value) => JSON.stringify({ ...extra, ...others, [field.name]: value }))),
            ),
        );
  return fc
    .record({
      path: route.path.includes("{") ? pathArb : fc.constant(route.path),
      body: bodies,
      type: route.hasJsonBody ? contentType : fc.constant(""),
      language: fc.oneof(fc.constantFrom("fa", "en", "fa-IR,fa;q=0.9"), oddHeaderValue),
    })
    .map(({ path, body, type, language }) => {
      const request: FuzzRequest = { path, body, headers: { "accept-language": language, ...(type ? { "content-type": type } : {}) } };
      // Reported briefly on failure: a 200k-character body would drown the report.
      return Object.assign(request, { [fc.toStringMethod]: () => `${route.method} ${path.slice(0, 120)} ${type} body ${(body ?? "").slice(0, 160)}…` });
    });
}

/** Why a response is not a problem+json 4xx, or null when it is one. */
function notAProblem(response: ApiResponse): string | null {
  if (response.status < 400 || response.status >= 500) return `status ${response.status}: ${response.text.slice(0, 300)}`;
  if (!response.headers.get("content-type")?.includes("application/problem+json")) return `status ${response.status} without problem+json`;
  if (response.body?.status !== response.status) return `problem status ${response.body?.status} ≠ ${response.status}`;
  return null;
}

document = (await anonymous().get("/openapi.json")).body;
const routes = (await publishedRoutes()).filter((route) => route.method !== "GET" && !SKIPPED.has(`${route.method} ${route.path}`));

beforeAll(async () => {
  ({ owner } = await signUp());
  for (const plugin of plugins) await owner.patch(`/api/plugins/${plugin.id}`, { enabled: true });
  await owner.post("/api/customers", { firstName: "سارا", mobile: "09121234567", tags: ["vip"] });
});

describe("fuzzed write routes", () => {
  it("covers the write routes", () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  for (const route of routes) {
    it(`${route.method} ${route.path} refuses malformed input with a 4xx problem and writes nothing`, async () => {
      const client = route.access === "public" ? anonymous() : owner;
      const before = await databaseFingerprint();
      const statuses = new Set<number>();
      await fc.assert(
        fc.asyncProperty(requestsFor(route), async (request) => {
          const response = await client.request(route.method, request.path, request.body, request.headers);
          statuses.add(response.status);
          expect(notAProblem(response)).toBeNull();
        }),
        { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
      );
      const after = await databaseFingerprint();
      expect(Object.keys(after).filter((table) => after[table] !== before[table])).toEqual([]);
      // The bodies reached validation (not only the CSRF or content-type checks before it).
      if (route.hasJsonBody) expect([...statuses]).toContain(400);
    });
  }
});
