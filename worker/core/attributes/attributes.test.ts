import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp } from "../../../test/support/client";
import { databaseFingerprint } from "../../../test/support/snapshot";

async function withDefinitions() {
  const session = await signUp();
  const { owner } = session;
  for (const definition of [
    { key: "shoe_size", labelFa: "سایز کفش", labelEn: "Shoe size", type: "number" },
    { key: "wedding_day", labelFa: "سالگرد ازدواج", labelEn: "Wedding anniversary", type: "date" },
    { key: "branch", labelFa: "شعبه", labelEn: "Branch", type: "choice", choices: ["tehran", "shiraz"] },
    { key: "wholesale", labelFa: "عمده‌فروش", labelEn: "Wholesale", type: "boolean" },
  ]) {
    expect((await owner.post("/api/attribute-definitions", definition)).status).toBe(201);
  }
  return session;
}

describe("custom attribute definitions", () => {
  it("lists the definitions with both labels, to anyone who reads customers", async () => {
    const { workspaceId } = await withDefinitions();
    const viewer = await addMember(workspaceId, "viewer");
    const list = await viewer.get("/api/attribute-definitions");
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { key: string; labelFa: string; type: string }) => [item.key, item.labelFa, item.type])).toEqual([
      ["branch", "شعبه", "choice"],
      ["shoe_size", "سایز کفش", "number"],
      ["wedding_day", "سالگرد ازدواج", "date"],
      ["wholesale", "عمده‌فروش", "boolean"],
    ]);
    expect((await viewer.post("/api/attribute-definitions", { key: "x", labelFa: "x", labelEn: "x", type: "text" })).status).toBe(403);
  });

  it("checks every customer write against the definitions, naming each bad attribute in Persian, and writes nothing", async () => {
    const { owner } = await withDefinitions();
    const good = await owner.post("/api/customers", {
      firstName: "Sara",
      mobile: "09121234567",
      attributes: { shoe_size: 38, wedding_day: "2019-05-02", branch: "shiraz", wholesale: false, locale: "fa" },
    });
    expect(good.body.attributes).toEqual({ shoe_size: 38, wedding_day: "2019-05-02", branch: "shiraz", wholesale: false, locale: "fa" });
    expect(good.status).toBe(201);
    const before = await databaseFingerprint();
    const bad = await owner.withLanguage("fa").patch(`/api/customers/${good.body.id}`, {
      attributes: { shoe_size: "38", wedding_day: "2019-02-30", branch: "isfahan", wholesale: "yes" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ["body.attributes.shoe_size", "attribute_not_number"],
      ["body.attributes.wedding_day", "attribute_not_date"],
      ["body.attributes.branch", "attribute_not_a_choice"],
      ["body.attributes.wholesale", "attribute_not_boolean"],
    ]);
    expect(bad.body.errors[2].message).toBe("یکی از این‌ها را انتخاب کنید: tehran, shiraz.");
    const badCreate = await owner.post("/api/customers", { firstName: "Reza", mobile: "09121234568", attributes: { branch: "Tehran" } });
    expect(badCreate.status).toBe(400);
    expect(await databaseFingerprint()).toEqual(before);
    // null clears a defined attribute.
    const cleared = await owner.patch(`/api/customers/${good.body.id}`, { attributes: { shoe_size: null, branch: "tehran" } });
    expect(cleared.body.attributes).toEqual({ shoe_size: null, branch: "tehran" });
  });

  it("refuses a bad or taken definition, keeps the type fixed, audits changes and keeps values when removed", async () => {
    const { owner, workspaceId } = await withDefinitions();
    const customer = await owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567", attributes: { branch: "tehran" } });
    const cases: Array<[unknown, string[]]> = [
      [{ key: "Shoe Size", labelFa: "x", labelEn: "x", type: "text" }, ["body.key"]],
      [{ key: "color", labelFa: "", labelEn: "x", type: "text" }, ["body.labelFa"]],
      [{ key: "color", labelFa: "x", labelEn: "x", type: "choice" }, ["body.choices"]],
      [{ key: "color", labelFa: "x", labelEn: "x", type: "text", choices: ["a"] }, ["body.choices"]],
      [{ key: "color", labelFa: "x", labelEn: "x", type: "choice", choices: ["a", "a"] }, ["body.choices"]],
    ];
    for (const [body, paths] of cases) {
      const response = await owner.post("/api/attribute-definitions", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    }
    const taken = await owner.post("/api/attribute-definitions", { key: "branch", labelFa: "x", labelEn: "x", type: "text" });
    expect(taken.status).toBe(409);
    expect((await owner.patch("/api/attribute-definitions/branch", { type: "text" })).status).toBe(400);
    const renamed = await owner.patch("/api/attribute-definitions/branch", { labelEn: "Home branch", choices: ["tehran", "shiraz", "tabriz"] });
    expect(renamed.body).toMatchObject({ labelEn: "Home branch", choices: ["tehran", "shiraz", "tabriz"], type: "choice" });
    expect((await owner.patch(`/api/customers/${customer.body.id}`, { attributes: { branch: "tabriz" } })).status).toBe(200);

    const other = await signUp();
    expect((await other.owner.get("/api/attribute-definitions")).body.items).toEqual([]);
    expect((await other.owner.delete("/api/attribute-definitions/branch")).status).toBe(404);
    expect((await owner.delete("/api/attribute-definitions/branch")).status).toBe(204);
    expect((await owner.get(`/api/customers/${customer.body.id}`)).body.attributes).toEqual({ branch: "tabriz" });
    // Without a definition the value is no longer checked.
    expect((await owner.patch(`/api/customers/${customer.body.id}`, { attributes: { branch: 7 } })).status).toBe(200);
    const audits = await env.DB.prepare("select action, entity_id from audit_log where workspace_id = ? and entity_type = 'attribute_definition' order by created_at, id")
      .bind(workspaceId)
      .all();
    expect(audits.results.map((row) => `${row.action}:${row.entity_id}`)).toEqual([
      "attribute_definition.created:shoe_size",
      "attribute_definition.created:wedding_day",
      "attribute_definition.created:branch",
      "attribute_definition.created:wholesale",
      "attribute_definition.updated:branch",
      "attribute_definition.deleted:branch",
    ]);
  });
});
