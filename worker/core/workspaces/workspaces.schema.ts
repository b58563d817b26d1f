// A workspace is one business: every other row belongs to exactly one.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt } from "../data/columns";

export const CID_KINDS = ["mobile", "national_code", "email", "issued", "username"] as const;
export type CidKind = (typeof CID_KINDS)[number];

/** The day weekly figures start on; the same for every reader, whatever their language. */
export const WEEK_STARTS = ["saturday", "sunday", "monday"] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

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
  weekStart: text("week_start", { enum: WEEK_STARTS }).notNull().default("saturday"),
  // Staff may sign in with a one-time code sent by SMS to their mobile (owner's choice).
  smsSignIn: integer("sms_sign_in", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
},
// The sign-in page asks whether any workspace allows SMS codes: only those rows are indexed.
(t) => [index("workspaces_sms_sign_in_idx").on(t.id).where(sql`sms_sign_in = 1`)],
);
