import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("GET /healthz", () => {
  it("answers ok when the database answers", async () => {
    const response = await exports.default.fetch("https://crm.test/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("sends secure headers", async () => {
    const response = await exports.default.fetch("https://crm.test/healthz");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("answers an unknown API path with a localized problem", async () => {
    const response = await exports.default.fetch("https://crm.test/api/nothing-here", { headers: { "accept-language": "fa-IR,fa;q=0.9" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 404, code: "not_found", detail: "پیدا نشد." });
  });
});
