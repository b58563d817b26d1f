// Where a shop order ships and how to follow it, from each platform's payload:
// - WooCommerce: the `shipping` address; the tracking code from the order's `meta_data`, under the
//   WooCommerce Shipment Tracking / Advanced Shipment Tracking key `_wc_shipment_tracking_items`
//   (a list of { tracking_number, tracking_provider | custom_tracking_provider, custom_tracking_link })
//   or a plain key Iranian post plugins use (TRACKING_META_KEYS); the admin link from `_links.self`.
// - Shopify: `shipping_address`; the newest fulfilment's tracking number, URL and company; the admin
//   link on the shop's domain (`order_status_url`'s host).
import { z } from "@hono/zod-openapi";
import type { OrderShipment, ShippingAddress } from "../../orders/order-contract";

/** Plain meta keys holding a postal tracking code, most specific first. */
export const TRACKING_META_KEYS = ["_tracking_code", "tracking_code", "_post_tracking_code", "post_tracking_code", "_tracking_number", "tracking_number"] as const;

const text = (value: unknown, max = 200): string | null => {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : null;
};
const httpUrl = (value: unknown): string | null => {
  const raw = text(value, 1000);
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
};
const joinName = (first: unknown, last: unknown) => [text(first, 80), text(last, 80)].filter(Boolean).join(" ") || null;

/** The address, or null when the shop sent no street, city or postal code. */
function addressOf(parts: ShippingAddress): ShippingAddress | null {
  if (!parts.line1 && !parts.city && !parts.postalCode) return null;
  return Object.fromEntries(Object.entries(parts).filter(([, value]) => value)) as ShippingAddress;
}

export const WooShippingFields = {
  shipping: z.record(z.string(), z.unknown()).nullish(),
  meta_data: z.array(z.object({ key: z.string(), value: z.unknown() }).passthrough()).nullish(),
  _links: z.object({ self: z.array(z.object({ href: z.string() }).passthrough()).nullish() }).passthrough().nullish(),
};

export function wooShipment(order: { id: string; shipping?: Record<string, unknown> | null; meta_data?: Array<{ key: string; value: unknown }> | null }): OrderShipment {
  const s = order.shipping ?? {};
  const address = addressOf({
    name: joinName(s.first_name, s.last_name),
    phone: text(s.phone, 40),
    line1: text(s.address_1),
    line2: text(s.address_2),
    city: text(s.city, 80),
    province: text(s.state, 80),
    postalCode: text(s.postcode, 20),
    country: text(s.country, 2),
  });
  const meta = new Map((order.meta_data ?? []).map((entry) => [entry.key, entry.value]));
  const items = meta.get("_wc_shipment_tracking_items");
  const last = Array.isArray(items) ? (items.at(-1) as Record<string, unknown> | undefined) : undefined;
  const plain = TRACKING_META_KEYS.map((key) => text(meta.get(key), 100)).find(Boolean) ?? null;
  return {
    address,
    trackingCode: text(last?.tracking_number, 100) ?? plain,
    trackingUrl: httpUrl(last?.custom_tracking_link),
    carrier: text(last?.custom_tracking_provider, 80) ?? text(last?.tracking_provider, 80),
  };
}

/** The order's edit page in WordPress, on the site the REST link names. */
export function wooAdminUrl(orderId: string, links: { self?: Array<{ href: string }> | null } | null | undefined): string | null {
  const self = httpUrl(links?.self?.[0]?.href);
  if (!self) return null;
  const site = self.replace(/\/wp-json\/.*$/, "");
  return `${site}/wp-admin/post.php?post=${encodeURIComponent(orderId)}&action=edit`;
}

const ShopifyAddress = z.record(z.string(), z.unknown());
export const ShopifyShippingFields = {
  shipping_address: ShopifyAddress.nullish(),
  fulfillments: z
    .array(
      z
        .object({
          status: z.string().nullish(),
          tracking_company: z.string().nullish(),
          tracking_number: z.string().nullish(),
          tracking_numbers: z.array(z.string()).nullish(),
          tracking_url: z.string().nullish(),
          tracking_urls: z.array(z.string()).nullish(),
        })
        .passthrough(),
    )
    .nullish(),
  order_status_url: z.string().nullish(),
};

export function shopifyShipment(order: {
  shipping_address?: Record<string, unknown> | null;
  fulfillments?: Array<{ status?: string | null; tracking_company?: string | null; tracking_number?: string | null; tracking_numbers?: string[] | null; tracking_url?: string | null; tracking_urls?: string[] | null }> | null;
}): OrderShipment {
  const a = order.shipping_address ?? {};
  const address = addressOf({
    name: text(a.name, 160) ?? joinName(a.first_name, a.last_name),
    phone: text(a.phone, 40),
    line1: text(a.address1),
    line2: text(a.address2),
    city: text(a.city, 80),
    province: text(a.province, 80),
    postalCode: text(a.zip, 20),
    country: text(a.country_code, 2) ?? text(a.country, 80),
  });
  // The newest fulfilment that was not cancelled carries the parcel being followed.
  const fulfilment = (order.fulfillments ?? []).filter((f) => f.status !== "cancelled" && f.status !== "error").at(-1);
  return {
    address,
    trackingCode: text(fulfilment?.tracking_number, 100) ?? text(fulfilment?.tracking_numbers?.[0], 100),
    trackingUrl: httpUrl(fulfilment?.tracking_url) ?? httpUrl(fulfilment?.tracking_urls?.[0]),
    carrier: text(fulfilment?.tracking_company, 80),
  };
}

/** The order in the shop's admin, on the domain its status page is served from. */
export function shopifyAdminUrl(orderId: string, statusUrl: string | null | undefined): string | null {
  const page = httpUrl(statusUrl);
  return page ? `${new URL(page).origin}/admin/orders/${encodeURIComponent(orderId)}` : null;
}
