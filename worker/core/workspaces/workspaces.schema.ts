// A workspace is one business: every other row belongs to exactly one.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt } from "../data/columns";

export const CID_KINDS = ["mobile", "national_code", "email", "issued", "username"] as const;
export type CidKind = (typeof CID_KINDS)[number];

export const workspaces = sqliteTable("workspaces", {
  id: id(),
  name: text("name").notNull(),
  cidKind: text("cid_kind", { enum: CID_KINDS }).notNull().default("mobile"),
  lapsedDays: integer("lapsed_days").notNull().default(180),
  locale: text("locale", { enum: ["fa", "en"] }).notNull().default("fa"),
  timeZone: text("time_zone").notNull().default("Asia/Tehran"),
  currency: text("currency").notNull().default("IRT"),
  // Quiet hours, caps, daily limit and SMS prices (messaging/messaging-policy.ts); null: the defaults.
  messagingPolicy: json<Record<string, unknown>>("messaging_policy"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
