// The plugin test harness, for a plugin's own tests (`plugins/<id>/<id>.test.ts`): a Worker built
// from the plugins under test, a workspace with them enabled, `emit`, `drain` (the delivery queue
// through the real consumer) and `tick` (the cron at a chosen time). Tests only: it runs inside
// the vitest pool (workerd), so nothing in the Worker imports it.
export { countRows, createPluginTestbed, drainEvents, type DrainReport } from "../../test/support/plugin-harness";
export { signUp } from "../../test/support/client";
export { seedCustomers } from "../../test/support/seed-customers";
export type { PluginTestFixtures } from "../../test/support/plugin-fixtures";
export type { ApiClient } from "../../test/support/client";
