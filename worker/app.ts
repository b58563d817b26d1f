// Composes the application: middleware in the order every request meets it, then each
// capability's routes, then the generated OpenAPI document.
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { loadActor } from "./core/auth/auth.middleware";
import { authRouter } from "./core/auth/auth.router";
import { accountRecoveryRouter } from "./core/auth/account-recovery.router";
import { devOutboxRouter } from "./core/messaging/dev-outbox.router";
import { apiKeysRouter } from "./core/api-keys/api-keys.router";
import { rolesRouter } from "./core/roles/roles.router";
import { auditRouter } from "./core/audit/audit.router";
import { usersRouter } from "./core/users/users.router";
import { invitationsRouter } from "./core/users/invitations.router";
import { duplicatesRouter } from "./core/customers/duplicates.router";
import { mergeCustomersRouter } from "./core/customers/merge-customers.router";
import { customersRouter } from "./core/customers/customers.router";
import { bulkActionsRouter } from "./core/bulk-actions/bulk-actions.router";
import { customerListsRouter } from "./core/customer-lists/customer-lists.router";
import { exportRouter } from "./core/export/export.router";
import { importRouter } from "./core/import/import.router";
import { interactionsRouter } from "./core/interactions/interactions.router";
import { complaintsRouter } from "./core/interactions/complaints.router";
import { attributesRouter } from "./core/attributes/attributes.router";
import { tasksRouter } from "./core/tasks/tasks.router";
import { ordersRouter } from "./core/orders/orders.router";
import { statsRouter } from "./core/stats/stats.router";
import { searchRouter } from "./core/search/search.router";
import { segmentsRouter } from "./core/segments/segments.router";
import { settingsRouter } from "./core/settings/settings.router";
import { messagingRouter } from "./core/messaging/messaging.router";
import { shortLinksRouter } from "./core/messaging/short-links.router";
import { webhooksOutRouter } from "./core/webhooks-out/webhooks-out.router";
import { connectionsRouter } from "./core/connections/connections.router";
import { shopApiRouter } from "./core/shop-api/shop-api.router";
import { onboardingRouter } from "./core/onboarding/onboarding.router";
import { webhooksInRouter } from "./core/webhooks-in/webhooks-in.router";
import { docsPage } from "./core/docs/docs.page";
import { healthRoutes } from "./core/health/health.routes";
import { csrfForCookieSessions } from "./core/http/csrf.middleware";
import { onError, onNotFound } from "./core/http/error-handler";
import { requestLocale } from "./core/http/locale.middleware";
import { createRouter } from "./core/http/router";
import { dispatchCommittedEvents } from "./core/delivery/dispatch.middleware";
import { deadLettersRouter } from "./core/delivery/dead-letters.router";
import { attachPluginRuntime, mountPluginRoutes } from "./core/plugin-runtime/plugin-mount";
import type { PluginRuntime } from "./core/plugin-runtime/plugin-runtime";
import { pluginsRouter } from "./core/plugin-runtime/plugins.router";
import { mountPublicPluginRoutes } from "./core/plugin-runtime/plugin-public";

export function createApp(runtime: PluginRuntime) {
  const app = createRouter();

  app.use("*", requestLocale());
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  // CORS stays closed unless CORS_ORIGINS names the origins allowed to call the API.
  app.use("/api/*", async function corsWhenConfigured(c, next) {
    const origins = (c.env.CORS_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
    if (origins.length === 0) return next();
    return cors({ origin: origins, credentials: true })(c, next);
  });
  // Cookie-carrying writes from other sites are refused (checked by Origin / Sec-Fetch-Site).
  app.use("/api/*", csrfForCookieSessions());
  app.use("/api/*", bodyLimit({ maxSize: 20 * 1024 * 1024 }));
  app.use("*", dispatchCommittedEvents());
  app.use("/api/*", loadActor());
  app.use("/api/*", attachPluginRuntime(runtime));

  app.route("/", healthRoutes);
  app.route("/", authRouter);
  app.route("/", accountRecoveryRouter);
  app.route("/", devOutboxRouter);
  app.route("/", rolesRouter);
  app.route("/", apiKeysRouter);
  app.route("/", auditRouter);
  app.route("/", usersRouter);
  app.route("/", invitationsRouter);
  // Before the customers router, so /api/customers/duplicates is not read as /api/customers/{id}.
  app.route("/", duplicatesRouter);
  app.route("/", mergeCustomersRouter);
  app.route("/", bulkActionsRouter);
  app.route("/", customersRouter);
  app.route("/", customerListsRouter);
  app.route("/", exportRouter);
  app.route("/", importRouter);
  app.route("/", interactionsRouter);
  app.route("/", complaintsRouter);
  app.route("/", attributesRouter);
  app.route("/", tasksRouter);
  app.route("/", ordersRouter);
  app.route("/", searchRouter);
  app.route("/", statsRouter);
  app.route("/", segmentsRouter);
  app.route("/", settingsRouter);
  app.route("/", messagingRouter);
  // Short links sent in messages, at /s/{code}.
  app.route("/", shortLinksRouter);
  app.route("/", webhooksOutRouter);
  app.route("/", shopApiRouter);
  app.route("/", onboardingRouter);
  app.route("/", connectionsRouter);
  app.route("/", webhooksInRouter);
  app.route("/", deadLettersRouter);
  app.route("/", pluginsRouter(runtime));
  mountPluginRoutes(app, runtime);
  // Plugins' pages for people without an account, at /p/{pluginId}/{workspaceId}/….
  mountPublicPluginRoutes(app, runtime);

  app.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: {
      title: "Edge CRM API",
      version: "0.1.0",
      description: "Customers, their identifiers, interactions, tasks and permissions for small businesses.",
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }));
  app.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", { type: "apiKey", in: "cookie", name: "crm_session" });
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer" });
  app.get("/docs", (c) => c.html(docsPage));

  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
