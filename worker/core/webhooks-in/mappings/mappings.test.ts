// The status tables and field mapping of each platform, on the fixtures written from their
// documented payloads.
import { describe, expect, it } from "vitest";
import { SHOPIFY_SAMPLE_CUSTOMER_ID, SHOPIFY_SAMPLE_ORDER_ID, shopifyOrder, shopifyRefund, shopifySampleOrderJson } from "../fixtures/shopify";
import { wooOrder } from "../fixtures/woocommerce";
import { mapGeneric } from "./generic";
import { MappingError, type Mapped } from "./mapped";
import { mapDelivery, parseBody } from "./map-delivery";
import { mapShopify } from "./shopify";
import { mapWooCommerce } from "./woocommerce";

const orderOf = (mapped: Mapped) => {
  if (mapped.kind !== "order") throw new Error(`not an order: ${mapped.kind}`);
  return mapped;
};

describe("WooCommerce", () => {
  it.each([
    ["pending", "pending"],
    ["on-hold", "pending"],
    ["processing", "paid"],
    ["completed", "paid"],
    ["cancelled", "cancelled"],
    ["failed", "cancelled"],
    ["refunded", "refunded"],
    ["wc-completed", "paid"],
  ])("maps status %s to %s", (status, expected) => {
    expect(orderOf(mapWooCommerce("order.updated", wooOrder({ status }), "con_1")).order.status).toBe(expected);
  });

  it("maps a custom status by whether the order was paid", () => {
    expect(orderOf(mapWooCommerce("order.updated", wooOrder({ status: "shipped" }), "con_1")).order.status).toBe("paid");
    expect(orderOf(mapWooCommerce("order.updated", wooOrder({ status: "awaiting-call", date_paid_gmt: null }), "con_1")).order.status).toBe("pending");
  });

  it("takes the customer from billing (with its postcode) and the shop customer id, times as UTC", () => {
    const { customer, order } = orderOf(mapWooCommerce("order.created", wooOrder(), "con_1"));
    expect(customer).toEqual({ externalId: "woo:con_1:31", mobile: "۰۹۱۲ ۳۴۵ ۶۷۸۹", email: "Sara.Mohammadi@Example.com", firstName: "سارا", lastName: "محمدی", postalCode: "1415893914" });
    expect(order.placedAt).toBe(Date.parse("2025-03-11T16:25:00Z"));
    expect(order.externalUpdatedAt).toBe(Date.parse("2025-03-11T16:26:10Z"));
    expect(order.total).toBe(1245000);
  });

  it("leaves a guest (customer_id 0) without a shop id, and keeps IRHT as toman", () => {
    const { customer, order } = orderOf(mapWooCommerce("order.created", wooOrder({ customer_id: 0, currency: "IRHT", total: "1245.5" }), "con_1"));
    expect(customer.externalId).toBeNull();
    expect(order).toMatchObject({ currency: "IRT", total: 1245500 });
  });

  it("refuses a time on a day the calendar does not have", () => {
    expect(() => mapWooCommerce("order.created", wooOrder({ date_created_gmt: "2023-02-29T10:00:00" }), "con_1")).toThrow(/date_created/);
  });

  it("refuses unknown topics with a reason", () => {
    expect(() => mapWooCommerce("product.updated", {}, "con_1")).toThrow(MappingError);
    expect(mapWooCommerce("customer.deleted", { id: 3 }, "con_1").kind).toBe("ignored");
  });
});

describe("Shopify", () => {
  it.each([
    [{ financial_status: "pending" }, "pending"],
    [{ financial_status: "authorized" }, "pending"],
    [{ financial_status: "partially_paid" }, "pending"],
    [{ financial_status: "paid" }, "paid"],
    [{ financial_status: "partially_refunded" }, "paid"],
    [{ financial_status: "refunded" }, "refunded"],
    [{ financial_status: "voided" }, "cancelled"],
    [{ financial_status: "paid", cancelled_at: "2025-04-03T00:00:00Z" }, "cancelled"],
    [{ financial_status: "refunded", cancelled_at: "2025-04-03T00:00:00Z" }, "refunded"],
  ])("maps %o to %s", (fields, expected) => {
    expect(orderOf(mapShopify("orders/updated", shopifyOrder(fields), "con_2")).order.status).toBe(expected);
  });

  it("reads the 64-bit ids of Shopify's own sample order exactly", () => {
    const { customer, order } = orderOf(mapDelivery("shopify", "orders/create", shopifySampleOrderJson, "con_2"));
    expect(order.externalId).toBe(SHOPIFY_SAMPLE_ORDER_ID);
    expect(customer.externalId).toBe(`shopify:con_2:${SHOPIFY_SAMPLE_CUSTOMER_ID}`);
    expect(order).toMatchObject({ status: "cancelled", currency: "USD", total: 39800, number: "#9999" });
  });

  it("keeps every integer beyond 2^53 as its digits, and every other number as a number", () => {
    expect(parseBody('{"id": 9007199254740993, "n": -18446744073709551615, "safe": 9007199254740991, "price": 12.5, "big": 1e21}')).toEqual({
      id: "9007199254740993",
      n: "-18446744073709551615",
      safe: 9007199254740991,
      price: 12.5,
      big: 1e21,
    });
  });

  it("sums successful refund transactions only", () => {
    const mapped = mapShopify("refunds/create", shopifyRefund(), "con_2");
    expect(mapped).toMatchObject({ kind: "refund", orderExternalId: "5748362461332", refundId: "509562969", amounts: ["100.00", "50.50"] });
    const order = orderOf(mapShopify("orders/updated", shopifyOrder({ financial_status: "partially_refunded", refunds: [shopifyRefund()] }), "con_2")).order;
    expect(order.refundedTotal).toBe(15050);
  });
});

describe("generic", () => {
  it("names the path of what is wrong", () => {
    expect(() => mapGeneric({ type: "order.upserted", data: { id: "1", status: "shipped" } }, "con_3")).toThrow(/data\.status/);
    expect(() => mapGeneric({ type: "thing.happened", data: {} }, "con_3")).toThrow(MappingError);
    expect(() => mapGeneric({ type: "order.upserted", data: { id: "1", status: "paid", currency: "IRT", total: "1000", placedAt: "2023-02-30T10:00:00Z" } }, "con_3")).toThrow(/placedAt/);
  });
});
