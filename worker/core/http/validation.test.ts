import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";

const messagesOf = (body: { errors: Array<{ path: string; message: string }> }) => Object.fromEntries(body.errors.map((error) => [error.path, error.message]));

describe("field errors people can read", () => {
  it("says a field is required instead of quoting a length rule, in both languages", async () => {
    const { owner } = await signUp();
    const english = await owner.post("/api/tasks", { title: "   " });
    expect(messagesOf(english.body)).toEqual({ "body.title": "This field is required." });
    const persian = await owner.withLanguage("fa").post("/api/tasks", { title: "" });
    expect(messagesOf(persian.body)).toEqual({ "body.title": "پر کردن این فیلد الزامی است." });
  });

  it("names the bound a number or a text broke, in the reader's digits", async () => {
    const { owner } = await signUp();
    expect(messagesOf((await owner.get("/api/customers?limit=500")).body)).toEqual({ "query.limit": "Must be at most 200." });
    expect(messagesOf((await owner.withLanguage("fa").get("/api/customers?limit=0")).body)).toEqual({ "query.limit": "دست‌کم باید ۱ باشد." });
    const long = await owner.withLanguage("fa").post("/api/tasks", { title: "x".repeat(201) });
    expect(messagesOf(long.body)).toEqual({ "body.title": "حداکثر ۲۰۰ نویسه مجاز است." });
  });
});
