// The demo workspace's owner, created by scripts/seed-demo.mjs and announced by scripts/dev.mjs.
// Local development only: this account exists nowhere but in the local D1 under .wrangler/.
export const DEMO_OWNER = Object.freeze({
  workspaceName: "فروشگاه نمونه",
  name: "نگار صالحی",
  email: "demo@example.com",
  password: "edge-crm-demo",
  locale: "fa",
});
