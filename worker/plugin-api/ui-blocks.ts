// What a plugin's UI contribution shows: a list of blocks its own route returns, which the web UI
// renders with its own components. A plugin never ships browser code; it describes its panel, page
// or card in these terms, so the UI stays one bundle in one style and plugins stay server-side.
//
// A surface's route (declared in PluginUi as `source`) answers GET with `{ blocks: UiBlock[] }`.
// Forms and actions call the plugin's own routes; on success the UI reloads the surface, on a
// problem+json it shows the detail and each `errors[].path` ("body.points") under its field.
import { z } from "@hono/zod-openapi";

/** Text in both languages, or one text the plugin already chose (a customer's name, a code). */
export const UiText = z.union([z.string(), z.object({ en: z.string(), fa: z.string() })]);
export type UiText = z.infer<typeof UiText>;

/** A block's words in both languages. */
export const uiText = (en: string, fa: string): { en: string; fa: string } => ({ en, fa });

/** How the UI formats a value: money uses the workspace currency, dates its time zone and calendar. */
export const UiFormat = z.enum(["text", "number", "money", "percent", "date", "datetime", "badge", "code"]);
export type UiFormat = z.infer<typeof UiFormat>;

/** A value shown in a cell or a stat: a number, a text (in both languages when it is words), or none. */
const UiValue = z.union([z.string(), z.number(), z.null(), z.object({ en: z.string(), fa: z.string() })]);

const StatsBlock = z.object({
  type: z.literal("stats"),
  items: z.array(z.object({ label: UiText, value: UiValue, format: UiFormat.optional(), hint: UiText.optional() })),
});

const ProgressBlock = z.object({
  type: z.literal("progress"),
  label: UiText,
  value: z.number(),
  max: z.number(),
  caption: UiText.optional(),
});

const TableBlock = z.object({
  type: z.literal("table"),
  title: UiText.optional(),
  columns: z.array(
    z.object({
      key: z.string(),
      label: UiText,
      format: UiFormat.optional(),
      /** The cell links to the plugin's own page with this query (`?flow={id}`; `{key}` takes the row's member), which the page's source route receives. */
      link: z.string().startsWith("?").optional(),
    }),
  ),
  rows: z.array(z.record(z.string(), UiValue)),
  empty: UiText.optional(),
});

const ChartBlock = z.object({
  type: z.literal("chart"),
  title: UiText.optional(),
  kind: z.enum(["bar", "line"]),
  format: UiFormat.optional(),
  /** Several series share the labels of the first. */
  series: z.array(z.object({ name: UiText, points: z.array(z.object({ label: UiText, value: z.number() })) })),
});

const TextBlock = z.object({
  type: z.literal("text"),
  text: UiText,
  tone: z.enum(["info", "success", "warning", "muted"]).optional(),
});

/** A request the UI sends: `path` is under /api/plugins/{id}; `{name}` in it takes a form value. */
const UiRequest = z.object({
  method: z.enum(["POST", "PATCH", "PUT", "DELETE"]),
  path: z.string().startsWith("/"),
});

const FormField = z.object({
  /** The body's member; with dots (`question.en`) a member of a member ({ question: { en } }). */
  name: z.string(),
  label: UiText,
  /**
   * `time`: a local time of day sent as "HH:MM" (shown in the reader's digits). `item` (in a step
   * list only): another item of the list, chosen by its position; the value is its index.
   */
  input: z.enum(["text", "number", "textarea", "select", "date", "checkbox", "time", "item"]),
  required: z.boolean().optional(),
  /** A select's choices; a number value is sent as a number (a weekday 0–6). */
  options: z.array(z.object({ value: z.union([z.string(), z.number()]), label: UiText })).optional(),
  placeholder: UiText.optional(),
  help: UiText.optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** "null": a field the user empties is sent as null, so an optional value can be cleared; otherwise an empty field is left out of the body. */
  emptyAs: z.literal("null").optional(),
  /**
   * Shown (and sent) only while the field `name`, itself shown, has one of these values (a
   * trigger's event only for an event trigger); a hidden field's member is left out of the body.
   * A field appearing with no value takes its `default`.
   */
  shownWhen: z.object({ name: z.string(), in: z.array(z.string()).min(1) }).optional(),
});

const FormBlock = z.object({
  type: z.literal("form"),
  title: UiText.optional(),
  request: UiRequest,
  fields: z.array(FormField),
  submitLabel: UiText,
  /** Fixed members added to the body (e.g. the customer id of the panel). */
  body: z.record(z.string(), z.unknown()).optional(),
  /** Shown after success instead of only reloading (e.g. "Coupon {code} issued"): `{name}` takes a member of the response. */
  successText: UiText.optional(),
  /** How `successText` shows the response's members (`{ totalCost: "money" }`: minor units, or `{ amount, currency }`); numbers are in the reader's digits. */
  successFormat: z.record(z.string(), UiFormat).optional(),
  /**
   * "blocks": the route answers `{ blocks: UiBlock[] }` (a preview, a dry run), shown under the
   * form; the values stay and the surface is not reloaded.
   */
  answer: z.literal("blocks").optional(),
});

const ActionsBlock = z.object({
  type: z.literal("actions"),
  items: z.array(
    z.object({
      label: UiText,
      request: UiRequest,
      body: z.record(z.string(), z.unknown()).optional(),
      confirm: UiText.optional(),
      tone: z.enum(["default", "danger"]).optional(),
      /**
       * A chunked request: the UI sends it again with `{ [as]: response[cursor] }` until that is
       * null, and shows a progress bar adding up `response[count]` against `total`.
       */
      repeat: z.object({ cursor: z.string(), as: z.string(), count: z.string(), total: z.number().int().nonnegative(), label: UiText }).optional(),
    }),
  ),
});

/**
 * An ordered list of small forms (the steps of a flow, the questions of a survey): each item is
 * of one kind, chosen from a list, and the kind decides its fields. The reader adds, removes and
 * moves items; moving keeps `item` fields pointing at the same items. Each button sends the whole
 * list as the body's `name` member (dots nest it, as in forms), beside `body`'s fixed members;
 * a problem's `errors[].path` under `body.{name}.{index}` shows at that item and field.
 */
const StepListBlock = z.object({
  type: z.literal("steps"),
  title: UiText.optional(),
  /** The body member the list goes in (`definition.steps`). */
  name: z.string(),
  /** The member of an item that names its kind (`type`). */
  kindKey: z.string(),
  kinds: z.array(z.object({ value: z.string(), label: UiText, fields: z.array(FormField) })).min(1),
  /**
   * Fields of the whole list, shown above its items under `fieldsTitle` (a flow's trigger, goal and
   * limits): named from the body's root (`definition.goal.withinDays`), read from and sent in
   * `body`, their problems shown at the field.
   */
  fields: z.array(FormField).optional(),
  fieldsTitle: UiText.optional(),
  /** The list as it stands; members no field shows are kept as they are while the kind stays. */
  items: z.array(z.record(z.string(), z.unknown())),
  /** An item's heading: `{n}` takes its number ("Step {n}"). */
  itemLabel: UiText,
  maxItems: z.number().int().positive().optional(),
  body: z.record(z.string(), z.unknown()).optional(),
  /** Buttons, each sending the list to `request`; `then` is sent afterwards with an empty body (save, then publish). */
  submits: z.array(z.object({ label: UiText, request: UiRequest, then: UiRequest.optional(), primary: z.boolean().optional(), successText: UiText.optional() })).min(1),
});

/** Links to other views of the plugin's page (`?flow={id}` style queries, as table links). */
const LinksBlock = z.object({
  type: z.literal("links"),
  items: z.array(z.object({ label: UiText, query: z.string().startsWith("?") })),
});

export const UiBlock = z.discriminatedUnion("type", [StatsBlock, ProgressBlock, TableBlock, ChartBlock, TextBlock, FormBlock, ActionsBlock, StepListBlock, LinksBlock]);
export type UiBlock = z.infer<typeof UiBlock>;

/** The body a surface route answers with. */
export const UiSurface = z.object({ blocks: z.array(UiBlock) }).openapi("PluginUiSurface");
export type UiSurface = z.infer<typeof UiSurface>;

/** Typed identity for a surface's blocks, so a plugin's handler gets completion and checks. */
export const uiSurface = (blocks: UiBlock[]): UiSurface => ({ blocks });
