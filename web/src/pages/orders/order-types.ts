// The API's order shapes the orders pages read, taken from the Worker's own schemas (type-only).
export type { OrderListItemView as Order, OrderDetailView as OrderDetail } from "../../../../worker/core/orders/order.schemas";
