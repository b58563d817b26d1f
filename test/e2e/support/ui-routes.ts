// What the accessibility sweep visits: every route the UI's router declares (web/src/routes.ts),
// with the states of each page worth checking (an error shown, a dialog open, each import step).
// A route the router gains without a visit here fails `unsweptRoutes`, so the sweep cannot fall
// behind the UI. Public pages (a short link's landing, survey answers) join PUBLIC_VISITS.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { PUBLIC_ROUTES, SETTINGS_SECTIONS, SIGNED_IN_ROUTES, SIGNED_OUT_ROUTES } from "../../../web/src/routes";
import type { Language } from "./words";

/** What the sweep's workspace holds, so paths with ids can be filled in. */
export interface SweepWorkspace {
  customerId: string;
  orderId: string;
  /** /invite/{token} of a pending invitation. */
  invitePath: string;
  /** Ids of the enabled plugins that have a page of their own. */
  pluginPages: string[];
  /**
   * Plugins' public pages (served by the Worker at /p/…, outside the app's router), by the path the
   * OpenAPI document publishes (`/p/loyalty/{workspaceId}/balance/{token}`) → a path to open.
   */
  pluginPublicPages: Record<string, string>;
}

/** A change made on a page before it is checked again (each waits for what it brings up). */
export interface PageState {
  name: string;
  reach: (page: Page, language: Language) => Promise<void>;
}

export interface Visit {
  /** The router's name for the route (a key of the routes table). */
  route: string;
  name: string;
  paths: (workspace: SweepWorkspace) => string[];
  /** States reached in order from the loaded page, each checked like the page itself. */
  states?: PageState[];
}

/** Submits the page's form as it is and waits for the error it brings (a field's or an alert). */
async function submitAndWaitForError(page: Page) {
  await page.locator("main form button[type=submit]").first().click();
  await page.locator("main [role=alert], main [aria-invalid=true]").first().waitFor();
}

/** A CSV with one good row and one that the check rejects, for the import wizard's report. */
const IMPORT_CSV = "first_name,last_name,mobile,email\nNegar,Karimi,09121112233,negar@example.com\nBad,Row,12,not-an-email\n";

const importSteps: PageState[] = [
  {
    name: "file chosen",
    reach: async (page) => {
      await page.locator("input[type=file]").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(IMPORT_CSV) });
      await expect.poll(() => page.locator("main .button--primary").last().isEnabled()).toBe(true);
    },
  },
  {
    name: "columns matched",
    reach: async (page) => {
      await page.locator("main .button--primary").last().click();
      await page.locator("main select").first().waitFor();
    },
  },
  {
    name: "check report",
    reach: async (page) => {
      await page.locator("main .button--primary").last().click();
      await page.locator("main h3").first().waitFor();
    },
  },
  {
    name: "import finished",
    reach: async (page) => {
      await page.locator("main .button--primary").last().click();
      await page.locator("main .notice--success").first().waitFor();
    },
  },
];

/** The customer page's SMS composer, open, with a text typed and its parts and cost counted. */
async function composeSms(page: Page) {
  await page.locator(".quick-actions button").last().click();
  await page.locator("dialog[open] textarea").fill("سلام، سفارش شما امروز ارسال شد. کد رهگیری ۱۲۳۴۵۶ است. از خرید شما سپاسگزاریم!");
  await page.locator("dialog[open] .sms-meter__parts").waitFor();
}

/** States of settings sections worth checking beyond the loaded page. */
const SECTION_STATES: Partial<Record<(typeof SETTINGS_SECTIONS)[number], PageState[]>> = {
  messaging: [
    {
      name: "template editor open",
      reach: async (page) => {
        await page.locator("#messaging-templates .card__actions button").click();
        await page.locator("dialog[open] textarea").first().waitFor();
      },
    },
    {
      name: "template editor errors",
      reach: async (page) => {
        await page.locator("dialog[open] button[type=submit]").click();
        await page.locator("dialog[open] [aria-invalid=true]").first().waitFor();
      },
    },
  ],
};

export const SIGNED_IN_VISITS: Visit[] = [
  { route: "dashboard", name: "dashboard", paths: () => ["/"] },
  { route: "customers", name: "customers list", paths: () => ["/customers"] },
  {
    route: "customers",
    name: "customers list, filtered",
    paths: () => ["/customers?stage=new&city=Tehran"],
    states: [
      {
        name: "save-segment dialog open",
        reach: async (page) => {
          // On a phone the filters (and the save button) are behind the Filters button; it is the chips' page state too.
          const filters = page.locator(".customer-filters__toggle");
          if (await filters.isVisible()) await filters.click();
          await page.locator(".customer-filters__buttons button").last().click();
          await page.locator("dialog[open]").waitFor();
        },
      },
    ],
  },
  { route: "newCustomer", name: "new customer", paths: () => ["/customers/new"], states: [{ name: "field errors", reach: submitAndWaitForError }] },
  { route: "duplicates", name: "duplicates", paths: () => ["/customers/duplicates"] },
  { route: "editCustomer", name: "edit customer", paths: ({ customerId }) => [`/customers/${customerId}/edit`] },
  { route: "customer", name: "customer page", paths: ({ customerId }) => [`/customers/${customerId}`], states: [{ name: "SMS composer with a Persian text", reach: composeSms }] },
  { route: "orders", name: "orders", paths: () => ["/orders", "/orders?status=refunded"] },
  { route: "order", name: "order page", paths: ({ orderId }) => [`/orders/${orderId}`] },
  { route: "tasks", name: "tasks", paths: () => ["/tasks"] },
  { route: "complaints", name: "complaints", paths: () => ["/complaints"] },
  { route: "import", name: "import wizard", paths: () => ["/import"], states: importSteps },
  ...SETTINGS_SECTIONS.map((section) => ({ route: "settings", name: `settings: ${section}`, paths: () => [`/settings/${section}`], states: SECTION_STATES[section] })),
  { route: "pluginPage", name: "plugin pages", paths: ({ pluginPages }) => pluginPages.map((id) => `/plugins/${id}`) },
];

export const SIGNED_OUT_VISITS: Visit[] = [
  { route: "login", name: "sign-in", paths: () => ["/login"], states: [{ name: "wrong password", reach: wrongPassword }] },
  { route: "signup", name: "sign-up", paths: () => ["/signup"], states: [{ name: "field errors", reach: submitAndWaitForError }] },
  { route: "invite", name: "invitation", paths: ({ invitePath }) => [invitePath], states: [{ name: "field errors", reach: submitAndWaitForError }] },
  { route: "reset", name: "password reset", paths: () => ["/reset/an-unknown-token"], states: [{ name: "unknown link", reach: unknownResetLink }] },
  { route: "forgotPassword", name: "forgot password", paths: () => ["/forgot-password"], states: [{ name: "field errors", reach: submitAndWaitForError }] },
  { route: "smsSignIn", name: "sign-in by SMS code", paths: () => ["/login/sms"], states: [{ name: "field errors", reach: submitAndWaitForError }] },
];

/** Pages a customer opens without an account; none exists yet (web/src/routes.ts PUBLIC_ROUTES). */
export const PUBLIC_VISITS: Visit[] = [];

async function wrongPassword(page: Page) {
  await page.locator("input[type=email]").fill("nobody@example.com");
  await page.locator("input[type=password]").fill("not the password at all");
  await page.locator("main form button[type=submit]").click();
  await page.locator("main [role=alert]").waitFor();
}

async function unknownResetLink(page: Page) {
  await page.locator("input[type=password]").fill("a long enough new passphrase");
  await page.locator("main form button[type=submit]").click();
  await page.locator("main [role=alert]").waitFor();
}

/** Which of the router's routes a path lands on: the first whose pattern matches, as wouter does. */
export function routeOf(routes: Record<string, string>, path: string): string | undefined {
  const pathname = path.split("?")[0]!;
  return Object.keys(routes).find((route) => patternOf(routes[route]!).test(pathname));
}

function patternOf(route: string): RegExp {
  const parts = route
    .split("/")
    .filter(Boolean)
    .map((part) => (part.startsWith(":") ? (part.endsWith("?") ? "(?:/[^/]+)?" : "/[^/]+") : `/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  return new RegExp(`^${parts.join("") || "/"}/?$`);
}

/** The routes of a router that no visit lands on (each visit's paths resolved with the workspace). */
export function unsweptRoutes(routes: Record<string, string>, visits: Visit[], workspace: SweepWorkspace): string[] {
  const landed = new Set(visits.flatMap((visit) => visit.paths(workspace).map((path) => routeOf(routes, path))));
  return Object.keys(routes).filter((route) => !landed.has(route));
}

/** Every route table the UI has, with the visits that sweep it. */
export const SWEPT_ROUTERS = [
  { name: "signed in", routes: SIGNED_IN_ROUTES as Record<string, string>, visits: SIGNED_IN_VISITS },
  { name: "signed out", routes: SIGNED_OUT_ROUTES as Record<string, string>, visits: SIGNED_OUT_VISITS },
  { name: "public", routes: PUBLIC_ROUTES as Record<string, string>, visits: PUBLIC_VISITS },
];
