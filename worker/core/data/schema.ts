// Every core table, for drizzle's typed client and for drizzle-kit's migration generator.
export * from "../workspaces/workspaces.schema";
export * from "../users/users.schema";
export * from "../auth/auth.schema";
export * from "../roles/roles.schema";
export * from "../customers/customers.schema";
export * from "../interactions/interactions.schema";
export * from "../tasks/tasks.schema";
export * from "../audit/audit.schema";
export * from "../events/events.schema";
export * from "../messaging/messaging.schema";
export * from "../webhooks-out/webhooks-out.schema";
export * from "../plugin-runtime/plugins.schema";
export * from "../delivery/delivery.schema";
export * from "../orders/orders.schema";
