// Messages follow their customer: moved by a merge, stripped of address and text by an erasure,
// and included in the workspace export.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";

async function customerWithMessage(owner: Awaited<ReturnType<typeof signUp>>["owner"], mobile: string) {
  const customer = await owner.post("/api/customers", { firstName: "Sara", mobile, consent: { sms: "granted" } });
  const message = await owner.post(`/api/customers/${customer.body.id}/messages`, { channel: "sms", purpose: "transactional", body: "Your order is ready", idempotencyKey: `k-${mobile}` });
  expect(message.status).toBe(201);
  return { customerId: customer.body.id as string, messageId: message.body.id as string };
}

describe("messages over a customer's life", () => {
  it("move to the survivor when customers are merged", async () => {
    const { owner } = await signUp();
    const survivor = await customerWithMessage(owner, "09121111111");
    const merged = await customerWithMessage(owner, "09122222222");
    expect((await owner.post("/api/customers/merge", { survivorId: survivor.customerId, mergedId: merged.customerId })).status).toBe(200);
    const list = await owner.get(`/api/customers/${survivor.customerId}/messages`);
    expect(list.body.items.map((m: { id: string }) => m.id).sort()).toEqual([survivor.messageId, merged.messageId].sort());
  });

  it("lose their address and text when the customer is erased", async () => {
    const { owner } = await signUp();
    const { customerId } = await customerWithMessage(owner, "09121111111");
    expect((await owner.delete(`/api/customers/${customerId}`)).status).toBe(204);
    const row = await env.DB.prepare("select recipient, body, status from messages where customer_id = ?").bind(customerId).first();
    expect(row).toEqual({ recipient: null, body: "", status: "recorded" });
  });

  it("are part of the workspace export", async () => {
    const { owner } = await signUp();
    const { messageId } = await customerWithMessage(owner, "09121111111");
    const exported = await owner.get("/api/export/workspace.json");
    const document = JSON.parse(exported.text);
    expect(document.messages.map((m: { id: string }) => m.id)).toEqual([messageId]);
    expect(document.messages[0].recipient).toBe("+989121111111");
  });
});
