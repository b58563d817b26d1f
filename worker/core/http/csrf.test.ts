import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";

describe("CSRF protection for cookie sessions", () => {
  it("refuses a cookie-carrying write sent from another site", async () => {
    const { owner } = await signUp();
    const forged = await owner.post("/api/customers", { mobile: "09121234567" }, { origin: "https://evil.example", "content-type": "text/plain" });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe("csrf_rejected");
    expect((await owner.get("/api/customers")).body.items).toEqual([]);
  });

  it("accepts the same write from the app's own origin", async () => {
    const { owner } = await signUp();
    expect((await owner.post("/api/customers", { mobile: "09121234567" })).status).toBe(201);
  });
});
