// The one task form's draft as the API receives it, wherever the form is shown, and the 24-hour
// time typed in it.
import { describe, expect, it } from "vitest";
import { isTimeOfDay, readTimeOfDay } from "../../components/time-of-day";
import { newTaskBody, type TaskDraft } from "./task-draft";

const draft = (changes: Partial<TaskDraft> = {}): TaskDraft => ({
  title: "Call back",
  notes: "",
  day: "2026-03-21",
  time: "10:00",
  assigneeUserId: "usr_me",
  customer: null,
  ...changes,
});

describe("a new task's body", () => {
  it("is due at the typed time in the workspace's zone, not the browser's", () => {
    expect(newTaskBody(draft(), "Asia/Tehran")).toEqual({ title: "Call back", dueAt: "2026-03-21T06:30:00.000Z", assigneeUserId: "usr_me" });
  });

  it("is due at the end of the day without a time, and undated without a day", () => {
    expect(newTaskBody(draft({ time: "" }), "Asia/Tehran").dueAt).toBe("2026-03-21T20:29:00.000Z");
    expect(newTaskBody(draft({ day: "" }), "Asia/Tehran")).not.toHaveProperty("dueAt");
  });

  it("names the customer and the notes when there are any, and nobody as null", () => {
    expect(newTaskBody(draft({ notes: "Two sizes", assigneeUserId: "", customer: { id: "cus_1", name: "Maryam" } }), "Asia/Tehran")).toMatchObject({
      notes: "Two sizes",
      assigneeUserId: null,
      customerId: "cus_1",
    });
    expect(newTaskBody(draft({ notes: "  " }), "Asia/Tehran")).not.toHaveProperty("notes");
  });

  it("sends a time that is no time of day as typed, so the API's own message names the field", () => {
    expect(newTaskBody(draft({ time: "25:00" }), "Asia/Tehran").dueAt).toBe("2026-03-21T25:00");
  });
});

describe("a time of day typed on the 24-hour clock", () => {
  it("reads Persian and Latin digits, with or without the colon", () => {
    expect(readTimeOfDay("۱۴:۳۰")).toBe("14:30");
    expect(readTimeOfDay("1430")).toBe("14:30");
    expect(readTimeOfDay("9:05")).toBe("09:05");
    expect(readTimeOfDay("۹")).toBe("09:00");
  });

  it("refuses what no clock shows", () => {
    expect(readTimeOfDay("24:00")).toBeNull();
    expect(readTimeOfDay("12:60")).toBeNull();
    expect(readTimeOfDay("2pm")).toBeNull();
    expect(isTimeOfDay("09:05")).toBe(true);
    expect(isTimeOfDay("9:05")).toBe(false);
  });
});
