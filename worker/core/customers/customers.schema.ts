// Customers, the identifiers that resolve to them, and their tags.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt, workspaceId } from "../data/columns";

export const IDENTIFIER_KINDS = ["mobile", "email", "national_code", "username", "issued", "external"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const LIFECYCLE_STAGES = ["prospect", "new", "active", "at_risk", "lapsed", "won_back"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const CONSENT_STATES = ["unknown", "granted", "withdrawn"] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** The RFM value tier (core/lifecycle/rfm.ts): by R+F+M, high 12-15, medium 8-11, low 3-7. */
export const VALUE_TIERS = ["high", "medium", "low"] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

export const customers = sqliteTable(
  "customers",
  {
    id: id(),
    workspaceId: workspaceId(),
    // The workspace's chosen identifier value; null only once the person is erased.
    cid: text("cid"),
    // The readable code every customer gets (C-00042), whatever the CID kind.
    code: text("code").notNull(),
    kind: text("kind", { enum: ["person", "organization"] }).notNull().default("person"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    organizationName: text("organization_name"),
    displayName: text("display_name").notNull(),
    // displayName folded for search (Arabic letters to Persian, digits to ASCII, lower case).
    nameKey: text("name_key").notNull(),
    gender: text("gender", { enum: ["female", "male", "other"] }),
    birthday: text("birthday"),
    province: text("province"),
    city: text("city"),
    // Ten Latin digits (postal-code.ts); personal data, masked like the address.
    postalCode: text("postal_code"),
    address: text("address"),
    tags: json<string[]>("tags").notNull(),
    consentSms: text("consent_sms", { enum: CONSENT_STATES }).notNull().default("unknown"),
    consentSmsAt: integer("consent_sms_at"),
    consentEmail: text("consent_email", { enum: CONSENT_STATES }).notNull().default("unknown"),
    consentEmailAt: integer("consent_email_at"),
    attributes: json<Record<string, string | number | boolean | null>>("attributes").notNull(),
    ownerUserId: text("owner_user_id"),
    // Figures derived from orders, kept current on every order change.
    firstOrderAt: integer("first_order_at"),
    lastOrderAt: integer("last_order_at"),
    orderCount: integer("order_count").notNull().default(0),
    totalSpent: integer("total_spent").notNull().default(0),
    lifecycleStage: text("lifecycle_stage", { enum: LIFECYCLE_STAGES }).notNull().default("prospect"),
    rfmSegment: text("rfm_segment"),
    // RFM scores 1-5 by quintile within the workspace, recomputed daily (core/lifecycle/rfm.ts);
    // null for customers without orders.
    rfmR: integer("rfm_r"),
    rfmF: integer("rfm_f"),
    rfmM: integer("rfm_m"),
    valueTier: text("value_tier", { enum: VALUE_TIERS }),
    mergedInto: text("merged_into"),
    erasedAt: integer("erased_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("customers_workspace_cid_unique").on(t.workspaceId, t.cid),
    uniqueIndex("customers_workspace_code_unique").on(t.workspaceId, t.code),
    index("customers_workspace_id_idx").on(t.workspaceId, t.id),
    // The list sorted by name (and duplicates by equal name keys): id breaks ties for keyset pages.
    index("customers_workspace_name_idx").on(t.workspaceId, t.nameKey, t.id),
    // The list sorted by last order, total spent or order count, paged by keyset (customer-sort.ts).
    index("customers_workspace_last_order_idx").on(t.workspaceId, t.lastOrderAt, t.id),
    index("customers_workspace_spent_idx").on(t.workspaceId, t.totalSpent, t.id),
    index("customers_workspace_order_count_idx").on(t.workspaceId, t.orderCount, t.id),
    index("customers_workspace_city_idx").on(t.workspaceId, t.city, t.id),
    index("customers_workspace_province_idx").on(t.workspaceId, t.province, t.id),
    index("customers_workspace_owner_idx").on(t.workspaceId, t.ownerUserId, t.id),
    index("customers_workspace_stage_idx").on(t.workspaceId, t.lifecycleStage, t.id),
    // The daily lifecycle job: buying customers of a stage whose last order is older than a cutoff.
    index("customers_workspace_stage_last_order_idx").on(t.workspaceId, t.lifecycleStage, t.lastOrderAt),
    // Erasure: the tombstones of records merged into a customer.
    // Only merged records: partial, so the planner never takes it for "merged_into IS NULL" (every
    // live customer) over the indexes that really narrow a query down.
    index("customers_workspace_merged_idx").on(t.workspaceId, t.mergedInto).where(sql`${t.mergedInto} is not null`),
  ],
);

export const customerIdentifiers = sqliteTable(
  "customer_identifiers",
  {
    id: id(),
    workspaceId: workspaceId(),
    customerId: text("customer_id").notNull(),
    kind: text("kind", { enum: IDENTIFIER_KINDS }).notNull(),
    // Normalized value (canonical mobile, lower-cased e-mail, ...), never the raw input.
    value: text("value").notNull(),
    createdAt: createdAt(),
    // A mobile's ten national digits reversed (+989121234567 → 7654321219), so "ends with 4567"
    // is a prefix range on an index. Computed by SQLite, so no writer can forget it.
    tailKey: text("tail_key").generatedAlwaysAs(
      sql`case when kind = 'mobile' then substr(value, 13, 1) || substr(value, 12, 1) || substr(value, 11, 1) || substr(value, 10, 1) || substr(value, 9, 1) || substr(value, 8, 1) || substr(value, 7, 1) || substr(value, 6, 1) || substr(value, 5, 1) || substr(value, 4, 1) end`,
      { mode: "virtual" },
    ),
  },
  (t) => [
    uniqueIndex("customer_identifiers_value_unique").on(t.workspaceId, t.kind, t.value),
    index("customer_identifiers_tail_idx").on(t.workspaceId, t.tailKey).where(sql`${t.tailKey} is not null`),
    index("customer_identifiers_customer_idx").on(t.workspaceId, t.customerId),
    index("customer_identifiers_value_idx").on(t.workspaceId, t.value),
  ],
);

export const customerTags = sqliteTable(
  "customer_tags",
  {
    workspaceId: workspaceId(),
    tag: text("tag").notNull(),
    customerId: text("customer_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.tag, t.customerId] }),
    index("customer_tags_customer_idx").on(t.workspaceId, t.customerId),
  ],
);

// Every word of a customer's folded name, so a search finds "رضایی" in "علی رضایی" by index.
export const customerNameWords = sqliteTable(
  "customer_name_words",
  {
    workspaceId: workspaceId(),
    word: text("word").notNull(),
    customerId: text("customer_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.word, t.customerId] }),
    // With the word last, "does this customer have a word starting with …" is one index seek.
    index("customer_name_words_customer_idx").on(t.workspaceId, t.customerId, t.word),
  ],
);

// Per-workspace sequences (the readable customer code), bumped inside the batch that uses them.
export const workspaceCounters = sqliteTable(
  "workspace_counters",
  {
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    value: integer("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.name] })],
);
