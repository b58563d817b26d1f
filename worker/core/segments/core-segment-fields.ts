// Core's segment filter fields, registered through the same registry plugins use. Every field
// is a condition on the customer row (or an EXISTS on the tag index); lists are bound as one JSON
// parameter (in-list.ts), so no filter nears D1's 100-parameter limit.
//
//   stages          lifecycle stage is one of these
//   rfm             { r, f, m }: each { min, max } within 1–5 (inclusive); unscored customers never match
//   valueTiers      value tier is one of high / medium / low
//   tags            { any: [...] } carries at least one; { all: [...] } carries every one (both may be given)
//   cities          city is one of these (as stored)
//   provinces       province is one of these (as stored)
//   totalSpent      { min, max } in minor units, inclusive
//   orderCount      { min, max }, inclusive
//   lastOrderAfter  last order at or after this (a plain date is the workspace's local midnight)
//   lastOrderBefore last order strictly before this; customers without orders match neither
//   consent         { sms, email }: true = granted, false = not granted (unknown or withdrawn)
//   lists           on at least one of these static lists (customer-lists/)
import { z } from "@hono/zod-openapi";
import { and, eq, gte, lt, lte, ne, sql, type Column } from "drizzle-orm";
import { LIFECYCLE_STAGES, VALUE_TIERS } from "../customers/customers.schema";
import { customerListMembers, customers, customerTags } from "../data/schema";
import { inList } from "../data/in-list";
import { instantOf } from "./local-midnight";
import { registerSegmentField, type SegmentField } from "./segment-fields";

type Range = { min?: number | undefined; max?: number | undefined };

const range = (value: z.ZodNumber) =>
  z
    .object({ min: value.optional(), max: value.optional() })
    .strict()
    .refine((r) => r.min !== undefined || r.max !== undefined, { message: "nothing_to_change" })
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: "invalid_range", path: ["max"] });

const inRange = (column: Column, r: Range) =>
  and(r.min === undefined ? undefined : gte(column, r.min), r.max === undefined ? undefined : lte(column, r.max)) ?? sql`1`;

const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).min(1).max(max);
const place = z.string().trim().min(1).max(80);
const tag = z.string().trim().min(1).max(40);
const score = range(z.number().int().min(1).max(5));
const instant = z.string().max(40).refine((value) => instantOf(value, "UTC") !== null, { message: "invalid_date" }).openapi({ example: "2025-03-21" });

const hasTag = (scope: { workspaceId: string }, tags: string[]) =>
  sql`exists (select 1 from ${customerTags} where ${customerTags.workspaceId} = ${scope.workspaceId}
    and ${inList(customerTags.tag, tags)} and ${customerTags.customerId} = ${customers.id})`;

const onList = (scope: { workspaceId: string }, lists: string[]) =>
  sql`exists (select 1 from ${customerListMembers} where ${customerListMembers.workspaceId} = ${scope.workspaceId}
    and ${inList(customerListMembers.listId, lists)} and ${customerListMembers.customerId} = ${customers.id})`;

const field = <T>(spec: Omit<SegmentField<T>, "source">): SegmentField<T> => ({ ...spec, source: "core" });

export const CORE_SEGMENT_FIELDS = [
  field({
    name: "stages",
    schema: list(z.enum(LIFECYCLE_STAGES), LIFECYCLE_STAGES.length),
    compile: (stages) => inList(customers.lifecycleStage, stages),
  }),
  field({
    name: "rfm",
    schema: z
      .object({ r: score.optional(), f: score.optional(), m: score.optional() })
      .strict()
      .refine((v) => v.r || v.f || v.m, { message: "nothing_to_change" }),
    compile: (rfm) =>
      and(rfm.r && inRange(customers.rfmR, rfm.r), rfm.f && inRange(customers.rfmF, rfm.f), rfm.m && inRange(customers.rfmM, rfm.m)) ?? sql`1`,
  }),
  field({
    name: "valueTiers",
    schema: list(z.enum(VALUE_TIERS), VALUE_TIERS.length),
    compile: (tiers) => inList(customers.valueTier, tiers),
  }),
  field({
    name: "tags",
    schema: z
      .object({ any: list(tag, 20).optional(), all: list(tag, 20).optional() })
      .strict()
      .refine((v) => v.any || v.all, { message: "nothing_to_change" }),
    compile: (tags, { scope }) => and(tags.any && hasTag(scope, tags.any), ...(tags.all ?? []).map((one) => hasTag(scope, [one]))) ?? sql`1`,
  }),
  field({ name: "cities", schema: list(place, 50), compile: (cities) => inList(customers.city, cities) }),
  field({ name: "provinces", schema: list(place, 50), compile: (provinces) => inList(customers.province, provinces) }),
  field({
    name: "totalSpent",
    schema: range(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)),
    compile: (r) => inRange(customers.totalSpent, r),
  }),
  field({
    name: "orderCount",
    schema: range(z.number().int().min(0).max(1_000_000_000)),
    compile: (r) => inRange(customers.orderCount, r),
  }),
  field({
    name: "lastOrderAfter",
    schema: instant,
    compile: (value, { timeZone }) => gte(customers.lastOrderAt, instantOf(value, timeZone)!),
  }),
  field({
    name: "lastOrderBefore",
    schema: instant,
    compile: (value, { timeZone }) => lt(customers.lastOrderAt, instantOf(value, timeZone)!),
  }),
  field({
    name: "consent",
    schema: z
      .object({ sms: z.boolean().optional(), email: z.boolean().optional() })
      .strict()
      .refine((v) => v.sms !== undefined || v.email !== undefined, { message: "nothing_to_change" }),
    compile: (consent) =>
      and(
        consent.sms === undefined ? undefined : consent.sms ? eq(customers.consentSms, "granted") : ne(customers.consentSms, "granted"),
        consent.email === undefined ? undefined : consent.email ? eq(customers.consentEmail, "granted") : ne(customers.consentEmail, "granted"),
      ) ?? sql`1`,
  }),
  field({ name: "lists", schema: list(z.string().min(1).max(64), 20), compile: (lists, { scope }) => onList(scope, lists) }),
] as const;

for (const coreField of CORE_SEGMENT_FIELDS) registerSegmentField(coreField as SegmentField<any>);
