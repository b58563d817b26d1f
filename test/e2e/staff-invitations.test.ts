// Settings → Users, in Persian and in English: an owner sees the invitations still waiting (who
// invited, the role, the expiry) and revokes one, whose link then no longer works; a staff manager
// who opens a role holding permissions they lack is told plainly they cannot change it, and why.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invite, newAccount, PASSWORD, sameOrigin, signUpByApi } from "./support/accounts";
import { launchBrowser, newVisitor } from "./support/browser";
import { eventually } from "./support/waiting";
import { LANGUAGES, type Language } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ui = {
  en: {
    pending: "Pending invitations",
    invitedBy: "Invited by",
    revoke: "Revoke",
    revoked: "Invitation revoked.",
    none: "No invitations waiting.",
    agent: "Agent",
    edit: "Edit",
    cannotChange: "You cannot change this role",
    exportPermission: "Export customers",
  },
  fa: {
    pending: "دعوت‌های در انتظار",
    invitedBy: "دعوت‌کننده",
    revoke: "لغو دعوت",
    revoked: "دعوت لغو شد.",
    none: "دعوتی در انتظار نیست.",
    agent: "کارشناس",
    edit: "ویرایش",
    cannotChange: "نمی‌توانید این نقش را تغییر دهید",
    exportPermission: "خروجی",
  },
} satisfies Record<Language, Record<string, string>>;

describe.each(LANGUAGES)("staff invitations in %s", (language) => {
  const t = ui[language];

  it("lists a pending invitation with its sender, role and expiry, and revokes it", async () => {
    const owner = await newVisitor(browser);
    const account = await signUpByApi(owner, language);
    const email = `waiting-${language}-${Date.now()}@example.com`;
    const linkPath = await invite(owner, email, "agent");
    await owner.page.goto("/settings/users");

    const card = owner.page.getByRole("region", { name: t.pending });
    const item = card.getByRole("listitem", { name: email });
    await item.waitFor();
    // Who invited and the role's name may arrive after the invitation itself (staff and roles load apart).
    await eventually("the invitation's text", () => item.textContent()).toContain(t.invitedBy);
    await eventually("the invitation's sender", () => item.textContent()).toContain(account.name);
    await eventually("the invitation's role", () => item.textContent()).toContain(t.agent);

    await item.getByRole("button", { name: t.revoke }).click();
    await owner.page.getByRole("dialog").getByRole("button", { name: t.revoke }).click();
    await owner.page.getByRole("status").getByText(t.revoked).waitFor();
    await card.getByText(t.none).waitFor();

    const accepted = await owner.context.request.post("/api/auth/accept-invite", { data: { token: linkPath.split("/").pop(), name: "X", password: PASSWORD } });
    expect(accepted.status()).toBe(410);
    expect(owner.problems).toEqual([]);
    await owner.context.close();
  });

  it("tells a staff manager they cannot change a role holding permissions they lack", async () => {
    const owner = await newVisitor(browser);
    await signUpByApi(owner, language);
    const post = (path: string, data: unknown) => owner.context.request.post(path, { data, headers: sameOrigin() });
    expect((await post("/api/roles", { key: "hr", name: "HR", permissions: ["users:manage", "customers:read"] })).status()).toBe(201);
    expect((await post("/api/roles", { key: "exporter", name: "Exporter", permissions: ["customers:read", "customers:export"] })).status()).toBe(201);
    const hrAccount = newAccount(language, "hr");
    const linkPath = await invite(owner, hrAccount.email, "hr");

    const hr = await newVisitor(browser);
    const joined = await hr.context.request.post("/api/auth/accept-invite", { data: { token: linkPath.split("/").pop(), name: hrAccount.name, password: PASSWORD }, headers: sameOrigin() });
    expect(joined.status(), await joined.text()).toBe(200);
    await hr.page.goto("/settings/users");
    // The page draws its roles before everything it loads has arrived, and drawing it again would
    // close an editor opened in between: open it once nothing is loading.
    await hr.page.waitForLoadState("networkidle");
    await hr.page.getByRole("button", { name: `${t.edit}: Exporter` }).click();
    const reason = hr.page.getByText(t.cannotChange);
    await reason.waitFor();
    // The notice names the permission that stands in the way.
    await eventually("the notice's text", () => reason.locator("..").textContent()).toContain(t.exportPermission);
    // No Save in the editor: the form is drawn in the same render as the notice waited for above.
    const editor = hr.page.getByRole("form", { name: new RegExp("Exporter") });
    await editor.waitFor();
    await eventually("Save buttons in the editor", () => editor.getByRole("button", { name: language === "fa" ? "ذخیره" : "Save", exact: true }).count()).toBe(0);
    expect(hr.problems).toEqual([]);
    await hr.context.close();
    await owner.context.close();
  });
});
