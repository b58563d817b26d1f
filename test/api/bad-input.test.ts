// Every write route, fed bodies that are not what it takes, answers 400 problem+json naming
// the invalid fields, and leaves every table exactly as it was. The routes come from
// /openapi.json, so a new write route is covered the day it is added.
import { beforeAll, describe, expect, it } from "vitest";
import { plugins } from "../../plugins/registry";
import { signUp, type ApiClient } from "../support/client";
import { concretePath, publishedRoutes, type PublishedRoute } from "../support/routes";
import { databaseFingerprint, eventsHandedOff } from "../support/snapshot";

const BAD_BODIES: Array<[string, string]> = [
  ["an array", "[]"],
  ["a string", '"customer"'],
  ["null", "null"],
  ["malformed JSON", '{"firstName": "سارا",'],
  ["an unknown field", '{"definitelyNotAField": true}'],
  ["wrong types everywhere", '{"name": [], "email": 5, "mobile": {}, "title": false, "type": 7, "scopes": "all", "permissions": 1, "cidKind": [], "password": 1, "token": 1, "survivorId": 1, "kind": 9, "value": []}'],
];

let writeRoutes: PublishedRoute[];
let owner: ApiClient;
let workspaceId: string;

beforeAll(async () => {
  writeRoutes = (await publishedRoutes()).filter((route) => route.hasJsonBody && route.method !== "GET");
  ({ owner, workspaceId } = await signUp());
  // Every compiled-in plugin enabled, so its write routes (its public pages' too) are fed bad input.
  for (const plugin of plugins) await owner.patch(`/api/plugins/${plugin.id}`, { enabled: true });
  // Something in each table, so "unchanged" means something.
  await owner.post("/api/customers", { firstName: "سارا", mobile: "09121234567", tags: ["vip"] });
  // Its events are handed to the queue after the response: let that land before fingerprints.
  await eventsHandedOff();
});

describe("bad input on every write route", () => {
  it("covers the write routes", () => {
    expect(writeRoutes.length).toBeGreaterThan(5);
  });

  for (const [label, body] of BAD_BODIES) {
    it(`refuses ${label} with 400 problem+json and writes nothing`, async () => {
      const failures: string[] = [];
      for (const route of writeRoutes) {
        // Taken afresh: an earlier request's background work (handing its events to the queue)
        // may still be landing, and is not this route's doing.
        const before = await databaseFingerprint();
        const response = await owner.request(route.method, concretePath(route.path, { workspaceId }), body, { "content-type": "application/json", "accept-language": "fa" });
        const after = await databaseFingerprint();
        const where = `${route.method} ${route.path}`;
        if (response.status !== 400) failures.push(`${where}: status ${response.status}`);
        else if (!response.headers.get("content-type")?.includes("application/problem+json")) failures.push(`${where}: not problem+json`);
        else if (!Array.isArray(response.body.errors) || response.body.errors.length === 0) failures.push(`${where}: no errors[]`);
        const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
        if (changed.length) failures.push(`${where}: changed ${changed.join(", ")}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

const NOT_JSON: Array<[string, string, string]> = [
  ["plain text", "text/plain", "firstName=Sara"],
  ["XML", "application/xml", "<customer><firstName>Sara</firstName></customer>"],
  ["a form", "application/x-www-form-urlencoded", "firstName=Sara&mobile=09121234567"],
];

describe("a body that is not JSON on every write route", () => {
  for (const [label, type, body] of NOT_JSON) {
    it(`answers ${label} with 415 unsupported-media-type asking for application/json, and writes nothing`, async () => {
      const failures: string[] = [];
      const before = await databaseFingerprint();
      for (const route of writeRoutes) {
        const response = await owner.request(route.method, concretePath(route.path), body, { "content-type": type, "accept-language": "fa" });
        const where = `${route.method} ${route.path}`;
        if (response.status !== 415) failures.push(`${where}: status ${response.status}`);
        else if (response.body.type !== "/problems/unsupported-media-type") failures.push(`${where}: type ${response.body.type}`);
        else if (!response.body.detail.includes("application/json")) failures.push(`${where}: detail ${response.body.detail}`);
      }
      const after = await databaseFingerprint();
      expect(failures).toEqual([]);
      expect(Object.keys(after).filter((table) => after[table] !== before[table])).toEqual([]);
    });
  }

  it("says so in English too", async () => {
    const response = await owner.request("POST", "/api/customers", "<customer/>", { "content-type": "application/xml" });
    expect(response.status).toBe(415);
    expect(response.body.detail).toBe("Send the body as JSON, with the header Content-Type: application/json.");
  });
});
