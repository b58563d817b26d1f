// Helpers for the club's tests (imported by *.test.ts only): a workspace with the club on, and
// customers, orders and reads through the real API.
import { expect } from "vitest";
import { createPluginTestbed } from "../../worker/plugin-api/testing";
import { loyaltyPlugin } from "./index";

export type Bed = Awaited<ReturnType<typeof createPluginTestbed>>;

let phone = 0;
/** A fresh, valid Iranian mobile per call (the CID of the workspace). */
export const nextMobile = () => `0912${String(1_000_000 + ++phone * 7919).slice(-7)}`;

export function clubBed(settings: Record<string, unknown> = {}) {
  return createPluginTestbed({ plugins: [loyaltyPlugin], settings: { loyalty: settings } });
}

export async function newCustomer(bed: Bed, fields: Record<string, unknown> = {}): Promise<string> {
  const response = await bed.owner.post("/api/customers", { firstName: "Sara", mobile: nextMobile(), ...fields });
  expect(response.status, response.text).toBe(201);
  return response.body.id;
}

export async function paidOrder(bed: Bed, customerId: string, total: number): Promise<string> {
  const response = await bed.owner.post("/api/orders", { customerId, total, status: "paid" });
  expect(response.status, response.text).toBe(201);
  return response.body.id;
}

export async function memberOf(bed: Bed, customerId: string) {
  const response = await bed.owner.get(`/api/plugins/loyalty/members/${customerId}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

/** Every ledger entry of a member, newest first, through the paged API. */
export async function ledgerOf(bed: Bed, customerId: string): Promise<Array<Record<string, any>>> {
  const entries: Array<Record<string, any>> = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: any } = await bed.owner.get(`/api/plugins/loyalty/members/${customerId}/ledger?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
    expect(page.status).toBe(200);
    entries.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return entries;
}

/** The balance, checked against the sum of the ledger: the invariant every test keeps. */
export async function balanceOf(bed: Bed, customerId: string): Promise<number> {
  const [member, entries] = await Promise.all([memberOf(bed, customerId), ledgerOf(bed, customerId)]);
  expect(member.balance).toBe(entries.reduce((sum, entry) => sum + entry.points, 0));
  expect(member.balance).toBeGreaterThanOrEqual(0);
  return member.balance;
}
