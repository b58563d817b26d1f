import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";

describe("PATCH /api/auth/me", () => {
  it("remembers the user's language and name for the next visit", async () => {
    const { owner } = await signUp({ locale: "fa" });
    const before = (await owner.get("/api/auth/me")).body;
    expect([before.user.locale, before.workspace.locale]).toEqual([null, "fa"]); // no choice yet: the workspace's language
    const changed = await owner.patch("/api/auth/me", { locale: "en", name: "Sara" });
    expect(changed.status).toBe(200);
    expect(changed.body.user).toEqual(expect.objectContaining({ locale: "en", name: "Sara" }));
    expect((await owner.get("/api/auth/me")).body.user).toEqual(expect.objectContaining({ locale: "en", name: "Sara" }));
  });

  it("refuses an unknown language or field and changes nothing", async () => {
    const { owner } = await signUp({ locale: "en" });
    expect((await owner.patch("/api/auth/me", { locale: "en" })).status).toBe(200);
    const bad = await owner.patch("/api/auth/me", { locale: "de" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(["body.locale"]);
    const extra = await owner.patch("/api/auth/me", { email: "someone@else.example" });
    expect(extra.status).toBe(400);
    expect((await owner.get("/api/auth/me")).body.user.locale).toBe("en");
  });
});
