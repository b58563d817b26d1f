// A customer's timeline. Each source contributes the (kind, id, at) of its entries through one
// UNION ALL, ordered newest first and paged by a keyset over (at, id), each branch on its own
// index; then each source loads the page's entries by id. Orders, messages or a plugin's entries
// join by adding one source to TIMELINE_SOURCES and its entry shape to TimelineEntrySchema.
import { z } from "@hono/zod-openapi";
import { sql, type SQL } from "drizzle-orm";
import { toIso } from "../data/clock";
import { encodeCursor } from "../data/cursor";
import type { WorkspaceScope } from "../data/database";
import type { Permission } from "../permissions/permissions";
import { MessageSchema } from "../messaging/message.schemas";
import { messagesByIds, messageTimelineKeys, presentMessage } from "../messaging/messages.repository";
import { OrderSchema } from "../orders/order.schemas";
import { presentOrder } from "../orders/order.presenter";
import { orderTimelineKeys, ordersByIds, stageChangesByIds, stageChangeTimelineKeys } from "../orders/orders.repository";
import { LIFECYCLE_STAGES } from "../customers/customers.schema";
import { TaskSchema } from "../tasks/task.schemas";
import { presentTask, taskTimelineKeys, tasksByIds } from "../tasks/tasks.repository";
import { InteractionSchema } from "./interaction.schemas";
import { interactionsByIds, interactionTimelineKeys, presentInteraction } from "./interactions.repository";

const entryBase = { at: z.string().openapi({ description: "Where the entry stands on the timeline (ISO 8601)." }) };

export const TimelineEntrySchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("interaction"), ...entryBase, ...InteractionSchema.shape }).openapi("InteractionEntry", {
      description: "An interaction, at the time it occurred.",
    }),
    z.object({ kind: z.literal("task"), ...entryBase, ...TaskSchema.shape }).openapi("TaskEntry", {
      description: "A task about the customer, at its due time, or at its creation when it has none.",
    }),
    z.object({ kind: z.literal("message"), ...entryBase, ...MessageSchema.shape }).openapi("MessageEntry", {
      description: "An SMS or e-mail to the customer, with its delivery status, at the time it was sent.",
    }),
    z.object({ kind: z.literal("order"), ...entryBase, ...OrderSchema.shape }).openapi("OrderEntry", {
      description: "An order of the customer, at the time it was placed (shown to callers with `orders:read`).",
    }),
    z
      .object({
        kind: z.literal("stage_change"),
        ...entryBase,
        id: z.string(),
        customerId: z.string(),
        from: z.enum(LIFECYCLE_STAGES),
        to: z.enum(LIFECYCLE_STAGES),
        cause: z.string().openapi({ description: "`order` when an order moved it, `schedule` when time did, `merge`." }),
      })
      .openapi("StageChangeEntry", { description: "A change of the customer's lifecycle stage, when it happened." }),
  ])
  .openapi("TimelineEntry");
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export interface TimelineKey {
  at: number;
  id: string;
}

export interface TimelineSource {
  kind: TimelineEntry["kind"];
  /** Who may see this source's entries; without it, anyone who may read the customer. */
  permission?: Permission;
  /** `select '<kind>' as kind, id, at from …` for the customer's entries older than `before`. */
  keys(scope: WorkspaceScope, customerId: string, before: TimelineKey | null): SQL;
  /** The entries with these ids (in any order). */
  load(scope: WorkspaceScope, ids: string[], time: number): Promise<TimelineEntry[]>;
}

export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  {
    kind: "interaction",
    keys: interactionTimelineKeys,
    load: async (scope, ids) =>
      (await interactionsByIds(scope, ids)).map((row) => ({ kind: "interaction", at: toIso(row.occurredAt)!, ...presentInteraction(row) })),
  },
  {
    kind: "task",
    permission: "tasks:read",
    keys: taskTimelineKeys,
    load: async (scope, ids, time) => (await tasksByIds(scope, ids)).map((row) => ({ kind: "task", at: toIso(row.timelineAt)!, ...presentTask(row, time) })),
  },
  {
    kind: "message",
    keys: messageTimelineKeys,
    load: async (scope, ids) => (await messagesByIds(scope, ids)).map((row) => ({ kind: "message", at: toIso(row.createdAt)!, ...presentMessage(row) })),
  },
  {
    kind: "order",
    permission: "orders:read",
    keys: orderTimelineKeys,
    load: async (scope, ids) => (await ordersByIds(scope, ids)).map((row) => ({ kind: "order", at: toIso(row.placedAt)!, ...presentOrder(row) })),
  },
  {
    kind: "stage_change",
    keys: stageChangeTimelineKeys,
    load: async (scope, ids) =>
      (await stageChangesByIds(scope, ids)).map((row) => ({
        kind: "stage_change",
        at: toIso(row.at)!,
        id: row.id,
        customerId: row.customerId,
        from: row.fromStage,
        to: row.toStage,
        cause: row.cause,
      })),
  },
];

/** The keys of one page (plus one, to know whether another follows), newest first. */
export function timelineKeysQuery(scope: WorkspaceScope, sources: readonly TimelineSource[], customerId: string, before: TimelineKey | null, limit: number): SQL {
  const branches = sources.map((source) => source.keys(scope, customerId, before));
  return sql`${sql.join(branches, sql` union all `)} order by at desc, id desc limit ${limit + 1}`;
}

export async function readTimeline(
  scope: WorkspaceScope,
  can: (permission: Permission) => boolean,
  customerId: string,
  page: { before: TimelineKey | null; limit: number; time: number },
) {
  const sources = TIMELINE_SOURCES.filter((source) => !source.permission || can(source.permission));
  const keys = await scope.db.all<{ kind: string; id: string; at: number }>(timelineKeysQuery(scope, sources, customerId, page.before, page.limit));
  const shown = keys.slice(0, page.limit);
  const loaded = await Promise.all(
    sources.map((source) => {
      const ids = shown.filter((key) => key.kind === source.kind).map((key) => key.id);
      return ids.length ? source.load(scope, ids, page.time) : Promise.resolve([]);
    }),
  );
  const byId = new Map(loaded.flat().map((entry) => [entry.id, entry]));
  const last = shown.at(-1);
  return {
    // An entry deleted between the two reads is simply left out.
    items: shown.flatMap((key) => byId.get(key.id) ?? []),
    nextCursor: keys.length > page.limit && last ? encodeCursor([last.at, last.id]) : null,
  };
}
