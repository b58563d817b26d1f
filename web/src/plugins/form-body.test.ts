// What a plugin form or step list sends: an emptied optional value is cleared only where the field
// says so, and a field hidden by its condition is not sent.
import { describe, expect, it } from "vitest";
import type { UiBlock } from "../../../worker/plugin-api/ui-blocks";
import { formBody, stepListBody, withAppearingDefaults } from "./form-body";

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

const choice = (value: string) => ({ value, label: { en: value, fa: value } });
const flowEditor: Extract<UiBlock, { type: "steps" }> = {
  type: "steps",
  name: "definition.steps",
  kindKey: "type",
  kinds: [{ value: "exit", label: { en: "Exit", fa: "خروج" }, fields: [] }],
  items: [],
  itemLabel: { en: "Step {n}", fa: "گام {n}" },
  submits: [{ label: { en: "Save", fa: "ذخیره" }, request: { method: "PATCH", path: "/flows/f1" } }],
  fields: [
    { name: "definition.trigger.type", label: { en: "Trigger", fa: "آغازگر" }, input: "select", options: [choice("event"), choice("date")] },
    { name: "definition.trigger.event", label: { en: "Event", fa: "رویداد" }, input: "select", options: [choice("order.paid"), choice("customer.stage_changed")], shownWhen: { name: "definition.trigger.type", in: ["event"] } },
    { name: "definition.trigger.toStages.0", label: { en: "Into", fa: "به" }, input: "select", options: [choice("lapsed")], shownWhen: { name: "definition.trigger.event", in: ["customer.stage_changed"] } },
    { name: "definition.trigger.at", label: { en: "At", fa: "ساعت" }, input: "time", default: "10:00", shownWhen: { name: "definition.trigger.type", in: ["date"] } },
    { name: "definition.goal.type", label: { en: "Goal", fa: "هدف" }, input: "select", options: [choice("order")] },
    { name: "definition.goal.withinDays", label: { en: "Within days", fa: "ظرف چند روز" }, input: "number", default: 7, shownWhen: { name: "definition.goal.type", in: ["order"] } },
  ],
};

describe("a step list's own fields", () => {
  it("sends the fields shown, leaves out those hidden by their condition (and those depending on them), and keeps members no field shows", () => {
    const values = { definition: { trigger: { type: "date", event: "customer.stage_changed", toStages: ["lapsed"], at: "09:30" }, goal: { withinDays: 7 }, holidays: ["2026-03-21"] } };
    const body = stepListBody(flowEditor, values, [{ type: "exit" }]);
    expect(body).toEqual({ definition: { trigger: { type: "date", at: "09:30" }, holidays: ["2026-03-21"], steps: [{ type: "exit" }] } });
    // The editor's own values are left as they were, so switching back shows them again.
    expect(values.definition.trigger.event).toBe("customer.stage_changed");
  });

  it("gives a field that appears its default, but not the one the reader just emptied", () => {
    const chosen = withAppearingDefaults(flowEditor, { definition: { trigger: { type: "date" }, goal: { type: "order" } } }, "definition.trigger.type");
    expect(chosen).toEqual({ definition: { trigger: { type: "date", at: "10:00" }, goal: { type: "order", withinDays: 7 } } });
    const emptied = withAppearingDefaults(flowEditor, { definition: { trigger: { type: "event" }, goal: { type: "order" } } }, "definition.goal.withinDays");
    expect(emptied).toEqual({ definition: { trigger: { type: "event" }, goal: { type: "order" } } });
  });

  it("a plain form leaves out a field hidden by its condition", () => {
    const form: Extract<UiBlock, { type: "form" }> = { type: "form", request: { method: "POST", path: "/x" }, submitLabel: { en: "Go", fa: "برو" }, fields: flowEditor.fields!.slice(0, 2) };
    expect(formBody(form, { "definition.trigger.type": "date", "definition.trigger.event": "order.paid" })).toEqual({ definition: { trigger: { type: "date" } } });
    expect(formBody(form, { "definition.trigger.type": "event", "definition.trigger.event": "order.paid" })).toEqual({ definition: { trigger: { type: "event", event: "order.paid" } } });
  });

  it("sends a select's number option as a number", () => {
    const form: Extract<UiBlock, { type: "form" }> = {
      type: "form",
      request: { method: "POST", path: "/x" },
      submitLabel: { en: "Go", fa: "برو" },
      fields: [{ name: "weekday", label: { en: "Weekday", fa: "روز" }, input: "select", options: [{ value: 0, label: { en: "Sunday", fa: "یکشنبه" } }, { value: 5, label: { en: "Friday", fa: "جمعه" } }] }],
    };
    expect(formBody(form, { weekday: "5" })).toEqual({ weekday: 5 });
  });
});
