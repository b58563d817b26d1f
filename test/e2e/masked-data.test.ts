// Staff without the right to see personal data see it masked and cannot export the list; an owner
// can reveal it, and the reveal is in the audit log. The agent joins through an invitation made
// in the settings, in Persian and in English.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, addCustomer, signUpByApi } from "./support/accounts";
import { launchBrowser, newVisitor } from "./support/browser";
import { eventually } from "./support/waiting";
import { LANGUAGES, words } from "./support/words";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const FULL_MOBILE = /(\+98|0)9123456789/;
/** Masked, in the reader's digits. */
const MASKED = { fa: "۰۹۱۲*****۸۹", en: "0912*****89" };

describe.each(LANGUAGES)("personal data in %s", (language) => {
  const w = words[language];
  const MASKED_MOBILE = MASKED[language];

  it("is masked for an invited agent, who gets no export; the owner reveals it and the audit log shows the reveal", async () => {
    const owner = await newVisitor(browser);
    await signUpByApi(owner, language);
    const customer = await addCustomer(owner, { firstName: "مریم", lastName: "کریمی", mobile: "۰۹۱۲ ۳۴۵ ۶۷۸۹" });

    // The owner invites an agent from the settings and copies the one-time link.
    await owner.page.goto("/settings/users");
    await owner.page.getByRole("button", { name: w.inviteSomeone }).click();
    const agentEmail = `agent-${language}-${customer.id.slice(-6)}@example.com`;
    const inviteForm = owner.page.getByRole("form", { name: w.inviteTitle });
    await inviteForm.getByLabel(w.inviteEmail).fill(agentEmail);
    await inviteForm.getByLabel(w.inviteRole).selectOption({ label: language === "fa" ? "کارشناس" : "Agent" });
    await owner.page.getByRole("button", { name: w.createInvitation }).click();
    const linkBox = owner.page.getByRole("textbox", { name: w.invitationLink });
    await eventually("the invitation link shown to the owner", () => linkBox.inputValue()).toMatch(/\/invite\/\S+$/);
    const link = await linkBox.inputValue();

    // The agent accepts it in another browser and is signed in.
    const agent = await newVisitor(browser);
    await agent.page.goto(new URL(link).pathname);
    await agent.page.getByLabel(words.fa.yourName).fill(language === "fa" ? "رضا کارشناس" : "Reza Agent");
    await agent.page.getByLabel(words.fa.password).fill(PASSWORD);
    await agent.page.getByRole("button", { name: words.fa.join }).click();
    await agent.page.getByRole("navigation", { name: w.navigation }).waitFor();

    // The list: masked identifier, no export.
    await agent.page.goto("/customers");
    const row = agent.page.getByRole("row").filter({ hasText: "مریم" });
    await eventually("the customer's row in the agent's list", () => row.textContent()).toContain(MASKED_MOBILE);
    // The row is drawn whole, at once: the full number cannot come later.
    expect(await row.textContent()).not.toMatch(FULL_MOBILE);
    // "New customer" and "Export CSV" are drawn together: once one is there, the other's absence is final.
    await agent.page.getByRole("link", { name: w.newCustomer }).waitFor();
    expect(await agent.page.getByRole("link", { name: w.exportCsv }).count()).toBe(0);

    // The customer page: masked, and nothing to reveal it with.
    await row.getByRole("link").first().click();
    const agentIdentifiers = agent.page.getByRole("region", { name: w.identifiers });
    await agentIdentifiers.getByText(MASKED_MOBILE).waitFor();
    // The identifiers and their buttons are drawn together with the masked number: settled.
    expect(await agentIdentifiers.textContent()).not.toMatch(FULL_MOBILE);
    expect(await agentIdentifiers.getByRole("button", { name: w.reveal }).count()).toBe(0);

    // The owner sees it masked too, until asking to reveal it.
    await owner.page.goto(`/customers/${customer.id}`);
    const ownerIdentifiers = owner.page.getByRole("region", { name: w.identifiers });
    await ownerIdentifiers.getByText(MASKED_MOBILE).waitFor();
    await ownerIdentifiers.getByRole("button", { name: w.reveal }).click();
    await ownerIdentifiers.getByText(FULL_MOBILE).waitFor();
    await eventually("the owner's identifiers after the reveal", () => ownerIdentifiers.textContent()).not.toContain(MASKED_MOBILE);

    // …and that look is in the audit log.
    await owner.page.goto("/settings/audit");
    const revealEntry = owner.page.getByRole("listitem").filter({ hasText: w.revealedAudit });
    await revealEntry.first().waitFor();
    await eventually("reveal entries in the audit log", () => revealEntry.count()).toBe(1);

    expect(agent.problems).toEqual([]);
    expect(owner.problems).toEqual([]);
    await agent.context.close();
    await owner.context.close();
  });
});
