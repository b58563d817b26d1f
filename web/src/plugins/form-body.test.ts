// What a plugin form sends: an emptied optional value is cleared only where the field says so.
import { describe, expect, it } from "vitest";
import type { UiBlock } from "../../../worker/plugin-api/ui-blocks";
import { formBody } from "./form-body";

const editor: Extract<UiBlock, { type: "form" }> = {
  type: "form",
  request: { method: "PATCH", path: "/surveys/s1" },
  submitLabel: { en: "Save", fa: "ذخیره" },
  body: { surveyId: "s1" },
  fields: [
    { name: "question.en", label: { en: "Question", fa: "پرسش" }, input: "text" },
    { name: "question.fa", label: { en: "Question", fa: "پرسش" }, input: "text" },
    { name: "reviewUrl", label: { en: "Review link", fa: "پیوند" }, input: "text", emptyAs: "null" },
    { name: "reminderDays", label: { en: "Remind after", fa: "یادآوری" }, input: "number", emptyAs: "null" },
    { name: "delayDays", label: { en: "Delay", fa: "تأخیر" }, input: "number" },
    { name: "active", label: { en: "Active", fa: "فعال" }, input: "checkbox" },
  ],
};

describe("a plugin form's request body", () => {
  it("nests dotted names, types numbers and sends an emptied clearable field as null", () => {
    const body = formBody(editor, { "question.en": "Recommend us?", "question.fa": "", reviewUrl: "", reminderDays: "", delayDays: "", active: false });
    expect(body).toEqual({ surveyId: "s1", question: { en: "Recommend us?" }, reviewUrl: null, reminderDays: null, active: false });
  });

  it("sends filled values as they are", () => {
    const body = formBody(editor, { "question.en": "a", "question.fa": "ب", reviewUrl: "https://maps.example.com/x", reminderDays: "3", delayDays: "0", active: true });
    expect(body).toEqual({ surveyId: "s1", question: { en: "a", fa: "ب" }, reviewUrl: "https://maps.example.com/x", reminderDays: 3, delayDays: 0, active: true });
  });
});
