// Getting back in without the password, on a 390 px phone: "forgot password" in Persian (the
// link read from the local outbox, every other session signed out once it is used), and sign-in
// by a one-time SMS code in English (a wrong code refused at its field, the right one signs in).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newAccount, sameOrigin, signUpByApi } from "./support/accounts";
import { launchBrowser, newVisitor, type Visitor } from "./support/browser";
import { eventually } from "./support/waiting";
import { words } from "./support/words";

const PHONE_390 = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The newest message the local outbox kept for `to` that matches `pattern`, once there is one. */
async function fromOutbox({ context }: Visitor, to: string, pattern: RegExp): Promise<string> {
  const read = async () => {
    const response = await context.request.get(`/api/dev/staff-outbox?to=${encodeURIComponent(to)}`);
    const { items } = (await response.json()) as { items: Array<{ body: string }> };
    return items.map((item) => pattern.exec(item.body)?.[1]).find(Boolean) ?? null;
  };
  await eventually(`a message to ${to} in the outbox`, read).not.toBeNull();
  return (await read())!;
}

/** The name of the focused control. */
const focusedName = ({ page }: Visitor) => page.evaluate("document.activeElement?.getAttribute('name') ?? ''");

describe("getting back in without the password", () => {
  it("in Persian: asks for a link, opens it from the outbox, sets a new password and signs every other session out", async () => {
    const owner = await newVisitor(browser);
    const account = await signUpByApi(owner, "fa");
    const phone = await newVisitor(browser, { viewport: PHONE_390 });
    const { page } = phone;

    await page.goto("/login");
    await page.getByRole("link", { name: "گذرواژه را فراموش کرده‌اید؟" }).click();
    await page.getByRole("heading", { name: "فراموشی گذرواژه" }).waitFor();
    await eventually("the focused field", () => focusedName(phone)).toBe("email");
    await page.getByLabel(words.fa.email).fill(account.email);
    await page.getByRole("button", { name: "فرستادن پیوند" }).click();
    await eventually("the neutral answer", () => page.getByRole("main").getByRole("status").textContent()).toContain("اگر حسابی با این نشانی باشد");

    const linkPath = await fromOutbox(phone, account.email, /https?:\/\/[^/\s]+(\/reset\/[A-Za-z0-9_-]+)/);
    await page.goto(linkPath);
    await page.getByRole("heading", { name: "انتخاب گذرواژهٔ تازه" }).waitFor();
    await eventually("the focused field", () => focusedName(phone)).toBe("password");
    await page.getByLabel(words.fa.password).fill("a new passphrase from the link");
    await page.getByRole("button", { name: "ثبت گذرواژه" }).click();
    // Signed in: on a phone the navigation sits behind the menu button.
    await page.getByRole("button", { name: words.fa.menu }).waitFor();

    // The session from before the reset is over: its next page is the sign-in page.
    await owner.page.goto("/customers");
    await owner.page.getByRole("heading", { name: words.fa.loginTitle }).waitFor();
    // The link worked once.
    const again = await phone.context.request.post("/api/auth/accept-invite", { data: { token: linkPath.split("/").pop(), password: "yet another passphrase" }, headers: sameOrigin() });
    expect(again.status()).toBe(410);
  });

  it("in English: signs in with a one-time SMS code, a wrong one refused at the code field", async () => {
    const owner = await newVisitor(browser);
    const account = await signUpByApi(owner, "en", newAccount("en"));
    const mobile = `0912${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;
    expect((await owner.context.request.patch("/api/auth/me", { data: { mobile }, headers: sameOrigin() })).status()).toBe(200);
    expect((await owner.context.request.patch("/api/settings", { data: { smsSignIn: true }, headers: sameOrigin() })).status()).toBe(200);

    const phone = await newVisitor(browser, { viewport: PHONE_390 });
    const { page } = phone;
    await page.goto("/login");
    await page.getByRole("button", { name: words.fa.switchLanguage }).click();
    await page.getByRole("heading", { name: words.en.loginTitle }).waitFor();
    await page.getByRole("link", { name: "Sign in with an SMS code" }).click();
    await page.getByRole("heading", { name: "Sign in with an SMS code" }).waitFor();
    await eventually("the focused field", () => focusedName(phone)).toBe("mobile");
    await page.getByLabel("Mobile").fill(mobile);
    await page.getByRole("button", { name: "Send code" }).click();
    // The label reads "Code *" (the asterisk marks it required), hence no exact match.
    const codeField = page.getByRole("main").getByLabel("Code");
    await codeField.waitFor();
    await eventually("the focused field", () => focusedName(phone)).toBe("code");

    const code = await fromOutbox(phone, mobile, /(\d{6})/);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    await codeField.fill(wrong);
    await page.getByRole("button", { name: words.en.loginTitle, exact: true }).click();
    await eventually("the code field's error", () => codeField.getAttribute("aria-invalid")).toBe("true");
    await eventually("the error under the code field", () => page.locator(".field--invalid .field__error").textContent()).toBe("This code is not right.");

    await codeField.fill(code);
    await page.getByRole("button", { name: words.en.loginTitle, exact: true }).click();
    await page.getByRole("button", { name: words.en.menu }).waitFor();
    const me = await phone.context.request.get("/api/auth/me");
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(account.email);
  });
});
