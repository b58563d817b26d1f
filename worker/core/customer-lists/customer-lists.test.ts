// Static lists: created, filled by hand and in bulk, emptied, deleted; a list is an audience
// wherever a segment filter is; another workspace's customers never get on a list.
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, signUp, type ApiClient } from "../../../test/support/client";
import { seedCustomers } from "../lifecycle/testing";

let owner: ApiClient;
let workspaceId: string;
let ids: string[];

beforeAll(async () => {
  ({ owner, workspaceId } = await signUp());
  ids = await seedCustomers(workspaceId, Array.from({ length: 6 }, (_, i) => ({ displayName: `Guest ${i}` })));
});

describe("static lists", () => {
  it("are created, filled and emptied by hand, and select their customers as a segment filter", async () => {
    const created = await owner.post("/api/lists", { name: "Yalda gift box" });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: "Yalda gift box", size: 0 });
    const listId = created.body.id;

    const other = await signUp();
    const [stranger] = await seedCustomers(other.workspaceId, [{ displayName: "Not ours" }]);
    const added = await owner.post(`/api/lists/${listId}/members`, { add: [ids[0], ids[1], ids[2], ids[2], stranger] });
    expect(added.status, added.text).toBe(200);
    expect(added.body.size).toBe(3);
    const removed = await owner.post(`/api/lists/${listId}/members`, { remove: [ids[1]] });
    expect(removed.body.size).toBe(2);

    const preview = await owner.post("/api/segments/preview", { filter: { lists: [listId] } });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.total).toBe(2);
    const segment = await owner.post("/api/segments", { name: "Gift box", filter: { lists: [listId] } });
    const members = await owner.get(`/api/segments/${segment.body.id}/customers`);
    expect(members.body.items.map((item: { id: string }) => item.id).sort()).toEqual([ids[0], ids[2]].sort());

    expect((await owner.get("/api/lists")).body.items).toEqual([expect.objectContaining({ id: listId, size: 2 })]);
  });

  it("refuses a second list of the same name, an empty change, and a viewer", async () => {
    await owner.post("/api/lists", { name: "VIP evening" });
    const twice = await owner.withLanguage("fa").post("/api/lists", { name: "VIP evening" });
    expect(twice.status).toBe(409);
    expect(twice.body.errors[0].path).toBe("body.name");
    const list = (await owner.get("/api/lists")).body.items[0];
    expect((await owner.post(`/api/lists/${list.id}/members`, {})).status).toBe(400);
    const viewer = await addMember(workspaceId, "viewer");
    expect((await viewer.post(`/api/lists/${list.id}/members`, { add: [ids[0]] })).status).toBe(403);
    expect((await viewer.get("/api/lists")).status).toBe(200);
  });

  it("takes a bulk action's customers, and its deletion leaves the customers", async () => {
    const list = (await owner.post("/api/lists", { name: "Everyone" })).body;
    const bulk = await owner.post("/api/customers/bulk", { selection: { ids: ids.slice(3) }, change: { type: "add_to_list", listId: list.id } });
    expect(bulk.status, bulk.text).toBe(202);
    expect(bulk.body.total).toBe(3);
    const unknown = await owner.post("/api/customers/bulk", { selection: { ids }, change: { type: "add_to_list", listId: "lst_nope" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe("body.change.listId");
    expect((await owner.delete(`/api/lists/${list.id}`)).status).toBe(204);
    expect((await owner.get(`/api/customers/${ids[3]}`)).status).toBe(200);
    expect((await owner.post(`/api/lists/${list.id}/members`, { add: [ids[0]] })).status).toBe(404);
  });
});
