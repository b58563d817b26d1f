// The top-bar search: customers, orders and tasks from one query, each group only for staff who
// may read it, customers' names joined in, and nothing from another workspace.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, ApiClient, signUp } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { ordersByNumberQuery } from "./search.repository";

let owner: ApiClient;
let agent: ApiClient;
let workspaceId: string;
let rezaei: string;
let orderId: string;
let taskId: string;

const search = async (client: ApiClient, q: string) => {
  const response = await client.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(response.status, response.text).toBe(200);
  return response.body as { customers: any[]; orders: any[]; tasks: any[] };
};

beforeAll(async () => {
  ({ owner, workspaceId } = await signUp());
  agent = await addMember(workspaceId, "agent");
  rezaei = (await owner.post("/api/customers", { firstName: "مریم", lastName: "رضائی", mobile: "09127654321" })).body.id;
  const order = await owner.post("/api/orders", { customerId: rezaei, total: 500000, status: "paid" });
  expect(order.status, order.text).toBe(201);
  orderId = order.body.id;
  // As a shop's webhook would number it.
  await env.DB.prepare("update orders set number = '10245' where id = ?").bind(orderId).run();
  const task = await owner.post("/api/tasks", { title: "Call back about the invoice", customerId: rezaei });
  expect(task.status, task.text).toBe(201);
  taskId = task.body.id;
});

describe("GET /api/search", () => {
  it("finds a customer by a Persian spelling variant, with the mobile masked for an agent", async () => {
    const forOwner = await search(owner, "رضایی");
    expect(forOwner.customers).toEqual([expect.objectContaining({ id: rezaei, displayName: "مریم رضائی", mobile: "+989127654321" })]);
    const forAgent = await search(agent, "رضایی");
    expect(forAgent.customers).toEqual([expect.objectContaining({ id: rezaei, mobile: expect.stringContaining("*") })]);
  });

  it("finds an order by its number typed with # or in Persian digits, with the customer's name", async () => {
    for (const q of ["10245", "#۱۰۲۴", "1024"]) {
      expect((await search(owner, q)).orders, q).toEqual([expect.objectContaining({ id: orderId, number: "10245", customerName: "مریم رضائی" })]);
    }
  });

  it("finds an open task by words of its title, with the customer's name", async () => {
    expect((await search(owner, "invoice call")).tasks).toEqual([expect.objectContaining({ id: taskId, customerName: "مریم رضائی" })]);
    expect((await search(owner, "100%")).tasks).toEqual([]);
  });

  it("finds by a mobile's last digits only for staff who may see personal data", async () => {
    expect((await search(owner, "4321")).customers.map((c) => c.id)).toEqual([rezaei]);
    expect((await search(agent, "4321")).customers).toEqual([]);
  });

  it("leaves out the groups a role may not read", async () => {
    const keyed = await owner.post("/api/api-keys", { name: "tasks only", scopes: ["tasks:read"] });
    const tasksOnly = new ApiClient({ authorization: `Bearer ${keyed.body.key}` });
    expect(await search(tasksOnly, "10245")).toEqual({ customers: [], orders: [], tasks: [] });
    expect((await search(tasksOnly, "invoice")).tasks.map((t) => t.id)).toEqual([taskId]);
  });

  it("finds nothing of another workspace", async () => {
    const { owner: stranger } = await signUp();
    expect(await search(stranger, "رضایی")).toEqual({ customers: [], orders: [], tasks: [] });
    expect(await search(stranger, "10245")).toEqual({ customers: [], orders: [], tasks: [] });
  });

  it("refuses an empty or oversized query with a problem", async () => {
    for (const q of ["", " ", "x".repeat(101)]) {
      const response = await owner.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});

describe("search query plans", () => {
  it("finds an order by number through the number index", async () => {
    const { sql, params } = ordersByNumberQuery(openWorkspace(env, workspaceId), "1024", 5).toSQL();
    const plan = (await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>()).results.map((step) => step.detail);
    expect(plan.some((line) => line.includes("orders_workspace_number_idx"))).toBe(true);
    expect(plan.filter((line) => line.startsWith("SCAN"))).toEqual([]);
  });
});
