import { describe, expect, it } from "vitest";
import { anonymous } from "../../../test/support/client";
import { SIGNUP_BUDGET } from "./signup-throttle";

let counter = 0;
const signUpFrom = (ip: string, language = "en") =>
  anonymous()
    .withLanguage(language)
    .post(
      "/api/auth/signup",
      { workspaceName: "Shop", name: "Owner", email: `signup-${Date.now()}-${counter++}@example.com`, password: "correct horse battery staple", locale: "en" },
      { "cf-connecting-ip": ip },
    );

describe("sign-up throttling", () => {
  it("lets an address sign up 10 times an hour, then refuses with Retry-After, while other addresses sign up", async () => {
    const ip = "198.51.100.20";
    const statuses: number[] = [];
    for (let i = 0; i < SIGNUP_BUDGET.limit; i++) statuses.push((await signUpFrom(ip)).status);
    expect(statuses.every((status) => status === 201)).toBe(true);

    const refused = await signUpFrom(ip, "fa");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body.code).toBe("signup_limited");
    expect(refused.body.detail).toMatch(/^از این نشانی ثبت‌نام‌های زیادی انجام شده است. \d+ دقیقهٔ دیگر دوباره تلاش کنید.$/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(50 * 60);
    expect(retryAfter).toBeLessThanOrEqual(60 * 60);
    expect(refused.headers.get("set-cookie")).toBeNull();

    expect((await signUpFrom("198.51.100.21")).status).toBe(201);
  });
});
