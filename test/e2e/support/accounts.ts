// Workspaces and staff for the browser tests: a fresh owner per test (signed up through the page
// or, when sign-up is not what a test is about, through the API in the same browser context), and
// invited staff. Every test makes its own workspace, so tests never see each other's data.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { appOrigin, type Visitor } from "./browser";
import { words, type Language } from "./words";

export const PASSWORD = "a long passphrase for tests";

export interface Account {
  workspaceName: string;
  name: string;
  email: string;
  password: string;
}

export function newAccount(language: Language, who = "owner"): Account {
  const tag = randomUUID().slice(0, 8);
  return {
    workspaceName: language === "fa" ? `فروشگاه آزمون ${tag}` : `Test Shop ${tag}`,
    name: language === "fa" ? "سارا احمدی" : "Sara Ahmadi",
    email: `${who}-${language}-${tag}@example.com`,
    password: PASSWORD,
  };
}

/** Cookie-authenticated writes must carry the app's own origin (the browser adds it on its own). */
export const sameOrigin = () => ({ origin: appOrigin() });

/** Signs up through the sign-up page, in the given language, and waits for the signed-in shell. */
export async function signUpInBrowser({ page }: Visitor, language: Language, account = newAccount(language)): Promise<Account> {
  const w = words[language];
  await page.goto("/signup");
  if (language === "en") await page.getByRole("button", { name: words.fa.switchLanguage }).click();
  await page.getByRole("heading", { name: w.signupTitle }).waitFor();
  await page.getByLabel(w.businessName).fill(account.workspaceName);
  await page.getByLabel(w.yourName).fill(account.name);
  await page.getByLabel(w.email).fill(account.email);
  await page.getByLabel(w.password).fill(account.password);
  await page.getByRole("button", { name: w.createWorkspace }).click();
  await page.getByRole("navigation", { name: w.navigation }).waitFor();
  return account;
}

/** Signs up through the API inside this browser context (its cookie jar gets the session). */
export async function signUpByApi({ context }: Visitor, language: Language, account = newAccount(language)): Promise<Account> {
  const response = await context.request.post("/api/auth/signup", { data: { ...account, locale: language }, headers: sameOrigin() });
  expect(response.status(), await response.text()).toBe(201);
  return account;
}

/** Invites a staff member with a built-in role (by its key, e.g. "agent"); returns the link's path. */
export async function invite({ context }: Visitor, email: string, roleKey: string): Promise<string> {
  const roles = await context.request.get("/api/roles");
  expect(roles.status()).toBe(200);
  const { items } = (await roles.json()) as { items: Array<{ id: string; key: string }> };
  const role = items.find((candidate) => candidate.key === roleKey);
  expect(role, `a built-in role "${roleKey}"`).toBeDefined();
  const response = await context.request.post("/api/users", { data: { email, roleId: role!.id }, headers: sameOrigin() });
  expect(response.status(), await response.text()).toBe(201);
  const { link } = (await response.json()) as { link: string };
  return new URL(link).pathname;
}

/** Adds a customer through the API (for tests whose subject is not the customer form). */
export async function addCustomer({ context }: Visitor, customer: Record<string, unknown>): Promise<{ id: string }> {
  const response = await context.request.post("/api/customers", { data: customer, headers: sameOrigin() });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}
