// The hot endpoints the benchmark measures, each as the app's request and the bare Worker's one
// equivalent query. A request is made from a counter k, so a load spreads over many customers
// and identifier forms, while k = 0 always names the same customer (the one D1 costs are taken on).
import { codeNumberOf, customerIdOf, emailOf, FULL_CUSTOMERS, mobileOf, nationalCodeOf, hasNationalCode, wooCustomerOf } from "./seed-sql.mjs";
import { mobileForm, toPersianDigits, wooOrderDelivery } from "./client.mjs";

/** The customer the single-request figures are taken on: 23 orders, 16 interactions, stage changes. */
export const MEASURED_CUSTOMER = 502;

export const SEGMENT_FILTER = { stages: ["at_risk", "lapsed"], totalSpent: { min: 5_000_000 } };
export const SEGMENT_MIN = 5_000_000;

/** The customer number request k is about: a spread over the workspace, the measured one first. */
export const customerFor = (k, customers) => (k === 0 ? MEASURED_CUSTOMER : 1 + ((k * 7919) % customers));

/** One of the identifier forms people type, for customer i (varies with k). */
function lookupIdentifier(i, k, codeShift) {
  switch (k % 4) {
    case 1:
      return emailOf(i)?.toUpperCase() ?? mobileForm(mobileOf(i), k);
    case 2:
      return hasNationalCode(i) ? toPersianDigits(nationalCodeOf(i)) : mobileForm(mobileOf(i), k);
    case 3:
      return `c${codeNumberOf(i, codeShift)}`;
    default:
      return mobileForm(mobileOf(i), k);
  }
}

const localDay = (at) => new Date(at + 12_600_000).toISOString().slice(0, 10);

let orderSequence = Date.now() % 1_000_000_000;

/**
 * @param ctx { workspaceId, t0, customers, cookie, origin, woo, tenthPage: { cursor, afterId } }
 * @returns Array<{ name, label, app(k), bare(k), untilSettled? }>
 */
export function endpoints(ctx) {
  const session = { cookie: ctx.cookie };
  const json = { ...session, origin: ctx.origin, "content-type": "application/json" };
  const w = encodeURIComponent(ctx.workspaceId);
  const idOf = (k) => customerIdOf(ctx.t0, customerFor(k, ctx.customers));
  const today = Date.now();
  const from = localDay(today - 29 * 86_400_000);
  const to = localDay(today);
  return [
    {
      name: "lookup",
      label: "Lookup by identifier (mixed forms)",
      app: (k) => ({ path: `/api/customers/lookup?identifier=${encodeURIComponent(lookupIdentifier(customerFor(k, ctx.customers), k, ctx.codeShift))}`, headers: session }),
      bare: (k) => ({ path: `/lookup?w=${w}&kind=mobile&value=${encodeURIComponent(mobileOf(customerFor(k, ctx.customers)))}` }),
    },
    {
      name: "customer",
      label: "Customer page",
      app: (k) => ({ path: `/api/customers/${idOf(k)}`, headers: session }),
      bare: (k) => ({ path: `/customer?w=${w}&id=${idOf(k)}` }),
    },
    {
      name: "list_first",
      label: "Customer list, first page",
      app: () => ({ path: "/api/customers?limit=50", headers: session }),
      bare: () => ({ path: `/list?w=${w}` }),
    },
    {
      name: "list_tenth",
      label: "Customer list, tenth page (cursor)",
      app: () => ({ path: `/api/customers?limit=50&cursor=${encodeURIComponent(ctx.tenthPage.cursor)}`, headers: session }),
      bare: () => ({ path: `/list?w=${w}&after=${encodeURIComponent(ctx.tenthPage.afterId)}` }),
    },
    {
      name: "timeline",
      label: "Customer timeline",
      app: (k) => ({ path: `/api/customers/${idOf(k)}/timeline`, headers: session }),
      bare: (k) => ({ path: `/timeline?w=${w}&c=${idOf(k)}` }),
    },
    {
      name: "overview",
      label: "KPI overview (30 days)",
      app: () => ({ path: `/api/stats/overview?from=${from}&to=${to}`, headers: session }),
      bare: () => ({ path: `/overview?w=${w}&from=${from}` }),
    },
    {
      name: "webhook",
      label: "Webhook order ingest (WooCommerce)",
      untilSettled: true,
      app: (k) => {
        const i = customerFor(k, ctx.customers);
        const delivery = wooOrderDelivery({ orderId: ++orderSequence, customerNumber: wooCustomerOf(i) ?? 900_000 + i, phone: mobileForm(mobileOf(i), k), email: emailOf(i) });
        return { method: "POST", path: `/webhooks/woocommerce/${ctx.woo}`, headers: delivery.headers, body: delivery.body };
      },
      bare: (k) => {
        const delivery = wooOrderDelivery({ orderId: ++orderSequence, customerNumber: 1, phone: mobileForm(mobileOf(customerFor(k, ctx.customers)), k) });
        return { method: "POST", path: `/webhook?w=${w}&c=${ctx.woo}`, headers: { "content-type": "application/json" }, body: delivery.body };
      },
    },
    {
      name: "segment_count",
      label: "Segment count (preview)",
      app: () => ({ method: "POST", path: "/api/segments/preview", headers: json, body: JSON.stringify({ filter: SEGMENT_FILTER }) }),
      bare: () => ({ path: `/segment-count?w=${w}&min=${SEGMENT_MIN}` }),
    },
  ];
}

export { FULL_CUSTOMERS };
