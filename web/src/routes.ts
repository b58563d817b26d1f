// Every path the UI answers, in one table: the app's router is built from it, and the browser
// tests' accessibility sweep (test/e2e/accessibility.test.ts) checks that it visits each one, so a
// page added here without being swept fails the suite. Plain data, importable from Node too.

/** Pages of a signed-in user, in the order the router tries them (first match wins). */
export const SIGNED_IN_ROUTES = {
  dashboard: "/",
  customers: "/customers",
  newCustomer: "/customers/new",
  duplicates: "/customers/duplicates",
  editCustomer: "/customers/:id/edit",
  customer: "/customers/:id",
  orders: "/orders",
  order: "/orders/:id",
  tasks: "/tasks",
  complaints: "/complaints",
  import: "/import",
  settings: "/settings/:section?",
  pluginPage: "/plugins/:id",
} as const;

/** Pages before signing in (every other path leads to the sign-in page). */
export const SIGNED_OUT_ROUTES = {
  signup: "/signup",
  invite: "/invite/:token",
  reset: "/reset/:token",
  forgotPassword: "/forgot-password",
  smsSignIn: "/login/sms",
  login: "/login",
} as const;

/**
 * Pages a customer opens without any account (a short link's landing page, a survey's answer and
 * thank-you pages). None is served by the UI yet; each one added here must join the sweep.
 */
export const PUBLIC_ROUTES = {} as const satisfies Record<string, string>;

/** The settings sections (/settings/{slug}), in the order of their tabs. */
export const SETTINGS_SECTIONS = ["workspace", "users", "api-keys", "connections", "messaging", "plugins", "webhooks", "dead-letters", "audit", "profile"] as const;

export type SignedInPage = keyof typeof SIGNED_IN_ROUTES;
export type SignedOutPage = keyof typeof SIGNED_OUT_ROUTES;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];
