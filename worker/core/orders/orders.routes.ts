// The orders contract: list, read one, enter one by hand, and mark paid, cancel or refund.
import { pageSchema } from "../data/cursor";
import { problemResponses } from "../http/problem.schema";
import { guardedRoute } from "../http/route";
import { RevealQuery } from "../customers/customers.routes";
import { OrderCreateInput, OrderDetailSchema, OrderIdParam, OrderListItemSchema, OrderListQuery, OrderUpdateInput } from "./order.schemas";

const detail = (description: string) => ({ description, content: { "application/json": { schema: OrderDetailSchema } } });
const body = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

export const listOrdersRoute = guardedRoute("orders:read", {
  method: "get",
  path: "/api/orders",
  tags: ["Orders"],
  summary: "List orders, newest placed first",
  description: "Filters combine: a customer's paid orders of March is `customerId=…&status=paid&from=2025-03-01&to=2025-03-31`.",
  request: { query: OrderListQuery },
  responses: {
    200: { description: "A page of orders.", content: { "application/json": { schema: pageSchema(OrderListItemSchema) } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

export const getOrderRoute = guardedRoute("orders:read", {
  method: "get",
  path: "/api/orders/{id}",
  tags: ["Orders"],
  summary: "An order with its items, status history, shipment, customer and the stage changes it caused",
  description:
    "The shipping address's name, phone, street and postal code are masked unless `reveal=pii` (needs `customers.pii:read`; audited as a reveal of the customer). " +
    "Tracking code, carrier and the shop's admin link are what the shop sent: WooCommerce tracking meta (`_wc_shipment_tracking_items` or a plain tracking-code key), Shopify fulfilments.",
  request: { params: OrderIdParam, query: RevealQuery },
  responses: { 200: detail("The order."), 400: problemResponses[400], 401: problemResponses[401], 403: problemResponses[403], 404: problemResponses[404] },
});

export const createOrderRoute = guardedRoute("orders:write", {
  method: "post",
  path: "/api/orders",
  tags: ["Orders"],
  summary: "Enter a sale by hand",
  description:
    "The customer is `customerId`, or `identifier` in any form (a mobile as typed, in Persian digits too), created with `name` when new. Give `items` or just a `total`. " +
    "Currency defaults to the workspace's, status to `paid`, `placedAt` to now; the order gets the next number O-00001, O-00002, … " +
    "Emits `order.created` (and `order.paid` when paid); the customer's figures, lifecycle stage and the dashboard's rollups change in the same write.",
  request: { body: body(OrderCreateInput) },
  responses: { 201: detail("The new order."), ...problemResponses },
});

export const updateOrderRoute = guardedRoute("orders:write", {
  method: "patch",
  path: "/api/orders/{id}",
  tags: ["Orders"],
  summary: "Mark an order paid, cancel it, or refund it in full or in part",
  description:
    "`status: paid` (from pending), `status: cancelled` (unless refunded), `status: refunded` (all that is left), or `refundAmount` (a partial refund; refunds never exceed the total). " +
    "Emits `order.paid` or `order.refunded` (`full` says which).",
  request: { params: OrderIdParam, body: body(OrderUpdateInput) },
  responses: { 200: detail("The order as it is now."), ...problemResponses },
});

