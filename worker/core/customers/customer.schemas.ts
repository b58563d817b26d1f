// The customer as the API takes it and gives it back.
import { z } from "@hono/zod-openapi";
import { CalendarDay } from "../calendar/calendar-day";
import { EmailInput, MobileInput, NationalCodeInput, UsernameInput } from "../cid/identifier.schemas";
import { PostalCodeInput } from "./postal-code";
import { CONSENT_STATES, IDENTIFIER_KINDS, LIFECYCLE_STAGES } from "./customers.schema";

const text = (max: number) => z.string().trim().min(1).max(max);
const tag = z.string().trim().min(1).max(40);
const attributeValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

export const ConsentInput = z
  .object({
    sms: z.enum(CONSENT_STATES).optional(),
    email: z.enum(CONSENT_STATES).optional(),
  })
  .strict();

/** Fields shared by create and update; on update every field is optional and null clears it. */
export const customerFields = {
  kind: z.enum(["person", "organization"]),
  firstName: text(80),
  lastName: text(80),
  organizationName: text(160),
  mobile: MobileInput,
  email: EmailInput,
  nationalCode: NationalCodeInput,
  username: UsernameInput,
  gender: z.enum(["female", "male", "other"]),
  birthday: CalendarDay,
  province: text(80),
  city: text(80),
  postalCode: PostalCodeInput,
  address: text(500),
  tags: z.array(tag).max(50),
  consent: ConsentInput,
  attributes: z.record(z.string().min(1).max(64), attributeValue).refine((a) => Object.keys(a).length <= 100),
  ownerUserId: z.string().max(64),
};

export const CustomerCreateInput = z
  .object({
    kind: customerFields.kind.default("person"),
    firstName: customerFields.firstName.optional(),
    lastName: customerFields.lastName.optional(),
    organizationName: customerFields.organizationName.optional(),
    mobile: customerFields.mobile.optional(),
    email: customerFields.email.optional(),
    nationalCode: customerFields.nationalCode.optional(),
    username: customerFields.username.optional(),
    gender: customerFields.gender.optional(),
    birthday: customerFields.birthday.optional(),
    province: customerFields.province.optional(),
    city: customerFields.city.optional(),
    postalCode: customerFields.postalCode.optional(),
    address: customerFields.address.optional(),
    tags: customerFields.tags.default([]),
    consent: customerFields.consent.default({}),
    attributes: customerFields.attributes.default({}),
    ownerUserId: customerFields.ownerUserId.optional(),
  })
  .strict()
  .openapi("CustomerCreate");
export type CustomerCreate = z.infer<typeof CustomerCreateInput>;

// The identifier schemas publish themselves as strings; here null (clear) is allowed too.
const nullableIdentifier = (schema: typeof customerFields.mobile) => schema.nullable().optional().openapi({ type: ["string", "null"] });

/** Every field optional; null clears it (kind cannot be cleared). Tags and attributes replace the whole set. */
export const CustomerUpdateInput = z
  .object({
    kind: customerFields.kind.optional(),
    firstName: customerFields.firstName.nullable().optional(),
    lastName: customerFields.lastName.nullable().optional(),
    organizationName: customerFields.organizationName.nullable().optional(),
    mobile: nullableIdentifier(customerFields.mobile),
    email: nullableIdentifier(customerFields.email),
    nationalCode: nullableIdentifier(customerFields.nationalCode),
    username: nullableIdentifier(customerFields.username),
    gender: customerFields.gender.nullable().optional(),
    birthday: customerFields.birthday.nullable().optional(),
    province: customerFields.province.nullable().optional(),
    city: customerFields.city.nullable().optional(),
    postalCode: customerFields.postalCode.nullable().optional().openapi({ type: ["string", "null"] }),
    address: customerFields.address.nullable().optional(),
    tags: customerFields.tags.nullable().optional(),
    consent: ConsentInput.nullable().optional(),
    attributes: customerFields.attributes.nullable().optional(),
    ownerUserId: customerFields.ownerUserId.nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "nothing_to_change" })
  .openapi("CustomerUpdate");
export type CustomerUpdate = z.infer<typeof CustomerUpdateInput>;

const consentState = z.object({ status: z.enum(CONSENT_STATES), at: z.string().nullable() });

export const CustomerSchema = z
  .object({
    id: z.string(),
    cid: z.string().nullable().openapi({ description: "The workspace's customer identifier (masked without PII permission)." }),
    code: z.string().openapi({ example: "C-00042" }),
    kind: z.enum(["person", "organization"]),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    organizationName: z.string().nullable(),
    displayName: z.string(),
    mobile: z.string().nullable(),
    email: z.string().nullable(),
    nationalCode: z.string().nullable(),
    username: z.string().nullable(),
    identifiers: z.array(z.object({ id: z.string(), kind: z.enum(IDENTIFIER_KINDS), value: z.string() })),
    gender: z.enum(["female", "male", "other"]).nullable(),
    birthday: z.string().nullable(),
    province: z.string().nullable(),
    city: z.string().nullable(),
    postalCode: z.string().nullable().openapi({ description: "Ten digits; masked without PII permission.", example: "1234567890" }),
    address: z.string().nullable(),
    tags: z.array(z.string()),
    consent: z.object({ sms: consentState, email: consentState }),
    attributes: z.record(z.string(), attributeValue),
    ownerUserId: z.string().nullable(),
    stats: z.object({
      firstOrderAt: z.string().nullable(),
      lastOrderAt: z.string().nullable(),
      orderCount: z.number().int().openapi({ description: "Paid orders in the workspace's currency (IRR/IRT converted); orders in other currencies are not counted here." }),
      totalSpent: z.number().int().openapi({ description: "In the workspace currency's minor units: IRR and IRT orders converted exactly (1 toman = 10 rials), other currencies left out." }),
      averageOrderValue: z.number().int(),
    }),
    lifecycleStage: z.enum(LIFECYCLE_STAGES),
    rfmSegment: z.string().nullable(),
    piiMasked: z.boolean().openapi({ description: "True when mobile, e-mail, national code, postal code and address are masked." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Customer");
export type CustomerView = z.infer<typeof CustomerSchema>;
