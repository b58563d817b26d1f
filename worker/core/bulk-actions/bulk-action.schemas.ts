// The bulk-action API's shapes: which customers (chosen ids, the list's filter, a saved segment)
// and what to do to them; and the action's progress as the UI polls it.
import { z } from "@hono/zod-openapi";
import { CONSENT_STATES, LIFECYCLE_STAGES } from "../customers/customers.schema";
import { MESSAGE_PURPOSES, type MessageChannel } from "../messaging/messaging.schema";
import { BULK_ACTIONS, BULK_STATUSES } from "./bulk-actions.schema";

/** Most ids a selection may name; beyond a page or two, select "all matching" instead. */
export const MAX_SELECTED_IDS = 1000;

const filterText = (max: number) => z.string().trim().min(1).max(max).optional();

/** The customer list's filters (GET /api/customers), so "all matching" acts on what the list shows. */
export const BulkListFilter = z
  .object({
    q: filterText(100),
    tag: filterText(40),
    city: filterText(80),
    province: filterText(80),
    ownerUserId: filterText(64),
    stage: z.enum(LIFECYCLE_STAGES).optional(),
  })
  .strict();

export const BulkSelection = z
  .union([
    z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_SELECTED_IDS) }).strict(),
    z.object({ filter: BulkListFilter }).strict(),
    // A segment's customers, narrowed by the search box when the list was searched inside it.
    z.object({ segmentId: z.string().min(1).max(64), q: filterText(100) }).strict(),
  ])
  .openapi("BulkSelection", {
    description:
      "Chosen customers (`ids`), every customer matching the list's filters (`filter`, `{}` is everyone), or a saved segment's customers (`segmentId`, narrowed by the search box's `q` when given).",
    example: { filter: { tag: "instagram", city: "Tehran" } },
  });
export type BulkSelection = z.infer<typeof BulkSelection>;

const tag = z.string().trim().min(1).max(40);

/**
 * One message to each customer through the messaging policy (consent, caps, quiet hours): the
 * text or a saved template of the channel; marketing unless the sender says otherwise. An e-mail
 * also has a subject (or its template's).
 */
const sendFields = (maxBody: number) => ({
  purpose: z.enum(MESSAGE_PURPOSES).default("marketing"),
  body: z.string().trim().min(1).max(maxBody).optional(),
  template: z.string().trim().min(1).max(80).optional(),
});

export const BulkChange = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("tag"), tag }).strict(),
    z.object({ type: z.literal("untag"), tag }).strict(),
    z.object({ type: z.literal("assign_owner"), ownerUserId: z.string().min(1).max(64).nullable() }).strict(),
    z
      .object({
        type: z.literal("set_consent"),
        channel: z.enum(["sms", "email"]),
        state: z.enum(CONSENT_STATES),
        // Why consent changed for many people at once (a paper form, a complaint): kept in the audit log.
        reason: z.string().trim().min(3).max(300),
      })
      .strict(),
    z.object({ type: z.literal("add_to_list"), listId: z.string().min(1).max(64) }).strict(),
    // The number of customers the person expects to erase, typed by them: a filter that now matches more is refused.
    z.object({ type: z.literal("erase"), confirmCount: z.number().int().min(1) }).strict(),
    z.object({ type: z.literal("send_sms"), ...sendFields(1000) }).strict(),
    z.object({ type: z.literal("send_email"), ...sendFields(5000), subject: z.string().trim().min(1).max(200).optional() }).strict(),
  ])
  .openapi("BulkChange", { example: { type: "tag", tag: "vip" } });
export type BulkChange = z.infer<typeof BulkChange>;
/** A bulk send, SMS or e-mail. */
export type BulkSend = Extract<BulkChange, { type: "send_sms" | "send_email" }>;

export const isBulkSend = (change: BulkChange): change is BulkSend => change.type === "send_sms" || change.type === "send_email";
/** The channel a bulk send goes out on. */
export const channelOf = (change: BulkSend): MessageChannel => (change.type === "send_sms" ? "sms" : "email");

export const BulkActionInput = z.object({ selection: BulkSelection, change: BulkChange }).strict().openapi("BulkActionInput");

export const BulkActionSchema = z
  .object({
    id: z.string(),
    action: z.enum(BULK_ACTIONS),
    status: z.enum(BULK_STATUSES),
    total: z.number().int().openapi({ description: "Customers matching when the action was asked for." }),
    done: z.number().int().openapi({ description: "Customers worked through so far." }),
    changed: z.number().int().openapi({ description: "Of those, how many the action changed (a tag already there changes nothing)." }),
    outcomes: z.record(z.string(), z.number().int()).nullable().openapi({
      description: "A send's messages by outcome: `sent`, `recorded` (the outbox, which sends nothing), `deferred` (quiet hours), `failed`, `skipped_no_consent`, `skipped_no_address`, `skipped_capped`, `skipped_daily_limit`.",
    }),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("BulkAction");
export type BulkActionView = z.infer<typeof BulkActionSchema>;
