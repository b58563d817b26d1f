// The benchmark's HTTP side: signing a workspace up, enabling every compiled-in plugin,
// connecting shops, and signed shop webhooks (WooCommerce, Shopify, generic) as the shops send them.
import { createHmac, randomUUID } from "node:crypto";

export const WOO_SECRET = "bench-woo-secret";
export const SHOPIFY_SECRET = "bench-shopify-secret";

export class Api {
  constructor(base, cookie = null) {
    this.base = base;
    this.cookie = cookie;
  }

  headers(extra = {}) {
    return { ...(this.cookie ? { cookie: this.cookie, origin: this.base } : {}), ...extra };
  }

  async request(method, path, body, extra = {}) {
    const headers = this.headers(extra);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const response = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, json, text };
  }

  async expect(method, path, body, statuses = [200, 201]) {
    const result = await this.request(method, path, body);
    if (!statuses.includes(result.status)) throw new Error(`${method} ${path} → ${result.status} ${result.text.slice(0, 500)}`);
    return result.json;
  }
}

/** Signs a business up; the returned client carries the owner's session. */
export async function signUp(base, { workspaceName = "فروشگاه بنچمارک", email = `bench-${Date.now()}@example.com` } = {}) {
  const api = new Api(base);
  const result = await api.request("POST", "/api/auth/signup", { workspaceName, name: "Bench Owner", email, password: "bench passphrase long enough", locale: "fa" });
  if (result.status !== 201) throw new Error(`signup → ${result.status} ${result.text.slice(0, 300)}`);
  const cookie = result.headers.get("set-cookie").split(";")[0];
  return { api: new Api(base, cookie), workspaceId: result.json.workspace.id, ownerId: result.json.user.id, email };
}

/** Enables every plugin the Worker has compiled in; returns their ids. */
export async function enableAllPlugins(api) {
  const listed = await api.expect("GET", "/api/plugins");
  const items = Array.isArray(listed) ? listed : (listed.items ?? listed.plugins ?? []);
  const ids = [];
  for (const plugin of items) {
    await api.expect("PATCH", `/api/plugins/${plugin.id}`, { enabled: true });
    ids.push(plugin.id);
  }
  return ids;
}

export async function connectShops(api) {
  const woo = await api.expect("POST", "/api/connections", { platform: "woocommerce", name: "ووکامرس بنچمارک", secret: WOO_SECRET });
  const shopify = await api.expect("POST", "/api/connections", { platform: "shopify", name: "Shopify bench", secret: SHOPIFY_SECRET });
  const generic = await api.expect("POST", "/api/connections", { platform: "generic", name: "Generic bench" });
  return { woo: woo.id, shopify: shopify.id, generic: { id: generic.id, secret: generic.secret } };
}

const hmacBase64 = (key, text) => createHmac("sha256", key).update(text).digest("base64");
const toPersianDigits = (text) => text.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]);

/** The forms people type a mobile in; `n` picks one. */
export function mobileForm(mobile, n) {
  const national = `0${mobile.slice(3)}`; // +98912… → 0912…
  const forms = [national, `+98 ${mobile.slice(3, 6)} ${mobile.slice(6, 9)} ${mobile.slice(9)}`, toPersianDigits(national), `0098-${mobile.slice(3, 6)}-${mobile.slice(6)}`, mobile.slice(3)];
  return forms[n % forms.length];
}

export { toPersianDigits };

/** A WooCommerce order delivery: body, headers and the delivery id. */
export function wooOrderDelivery({ orderId, customerNumber, phone, email, total = 1_245_000, status = "processing", deliveryId = randomUUID(), modifiedAt = new Date() }) {
  const gmt = (date) => date.toISOString().slice(0, 19);
  const body = JSON.stringify({
    id: orderId,
    number: String(orderId),
    status,
    currency: "IRT",
    total: String(total),
    discount_total: "0",
    shipping_total: "0",
    date_created_gmt: gmt(new Date(modifiedAt.getTime() - 60_000)),
    date_modified_gmt: gmt(modifiedAt),
    date_paid_gmt: status === "processing" || status === "completed" ? gmt(modifiedAt) : null,
    customer_id: customerNumber,
    billing: { first_name: "سارا", last_name: "محمدی", phone, email: email ?? "", city: "تهران", country: "IR" },
    line_items: [{ id: 1, name: "کتاب", sku: "B-1", quantity: 1, price: total, subtotal: String(total), total: String(total) }],
  });
  return {
    body,
    deliveryId,
    headers: {
      "content-type": "application/json",
      "x-wc-webhook-topic": "order.created",
      "x-wc-webhook-resource": "order",
      "x-wc-webhook-event": "created",
      "x-wc-webhook-delivery-id": deliveryId,
      "x-wc-webhook-signature": hmacBase64(WOO_SECRET, body),
    },
  };
}

/** A Shopify orders/create delivery. */
export function shopifyOrderDelivery({ orderId, phone, email, total = "980000", deliveryId = randomUUID(), updatedAt = new Date() }) {
  const body = JSON.stringify({
    id: orderId,
    name: `#${orderId}`,
    currency: "IRR",
    total_price: total,
    subtotal_price: total,
    financial_status: "paid",
    created_at: new Date(updatedAt.getTime() - 60_000).toISOString(),
    updated_at: updatedAt.toISOString(),
    processed_at: updatedAt.toISOString(),
    customer: { id: orderId % 100_000, phone, email, first_name: "رضا", last_name: "کریمی" },
    line_items: [{ id: 1, title: "شال", sku: "S-1", quantity: 1, price: total }],
  });
  return {
    body,
    deliveryId,
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "orders/create",
      "x-shopify-webhook-id": deliveryId,
      "x-shopify-hmac-sha256": hmacBase64(SHOPIFY_SECRET, body),
    },
  };
}

/** A generic (Standard Webhooks) order.upserted delivery. */
export function genericOrderDelivery({ secret, orderId, mobile, total = "1250000", deliveryId = `msg_${randomUUID()}`, updatedAt = new Date() }) {
  const body = JSON.stringify({
    type: "order.upserted",
    data: {
      id: `INV-${orderId}`,
      status: "paid",
      currency: "IRT",
      total,
      placedAt: new Date(updatedAt.getTime() - 60_000).toISOString(),
      updatedAt: updatedAt.toISOString(),
      customer: { mobile },
    },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return {
    body,
    deliveryId,
    headers: {
      "content-type": "application/json",
      "webhook-id": deliveryId,
      "webhook-timestamp": timestamp,
      "webhook-signature": `v1,${hmacBase64(key, `${deliveryId}.${timestamp}.${body}`)}`,
    },
  };
}
