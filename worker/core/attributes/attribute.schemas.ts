// An attribute definition as the API takes it and gives it back.
import { z } from "@hono/zod-openapi";
import { ATTRIBUTE_TYPES } from "./attributes.schema";

/** Keys are short and Latin so they read well in exports, segments and templates. */
export const AttributeKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "invalid_attribute_key" })
  .openapi({ example: "shoe_size" });

const label = z.string().trim().min(1).max(80);
const choice = z.string().trim().min(1).max(80);
const choices = z
  .array(choice)
  .max(50)
  .refine((list) => new Set(list).size === list.length, { message: "duplicate_choice" })
  .openapi({ description: "For `choice`: the allowed values, in the order offered." });

export const AttributeDefinitionCreateInput = z
  .object({
    key: AttributeKey,
    labelFa: label.openapi({ example: "سایز کفش" }),
    labelEn: label.openapi({ example: "Shoe size" }),
    type: z.enum(ATTRIBUTE_TYPES).openapi({ description: "`date` values are YYYY-MM-DD (shown in the Jalali calendar in Persian)." }),
    choices: choices.default([]),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.type === "choice" && input.choices.length === 0) ctx.addIssue({ code: "custom", path: ["choices"], message: "choices_required" });
    if (input.type !== "choice" && input.choices.length > 0) ctx.addIssue({ code: "custom", path: ["choices"], message: "choices_only_for_choice" });
  })
  .openapi("AttributeDefinitionCreate");
export type AttributeDefinitionCreate = z.infer<typeof AttributeDefinitionCreateInput>;

/** The type is fixed once values may exist; labels, choices and order can change. */
export const AttributeDefinitionUpdateInput = z
  .object({ labelFa: label.optional(), labelEn: label.optional(), choices: choices.optional(), position: z.number().int().min(0).max(1000).optional() })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "nothing_to_change", when: (payload) => payload.issues.length === 0 })
  .openapi("AttributeDefinitionUpdate");
export type AttributeDefinitionUpdate = z.infer<typeof AttributeDefinitionUpdateInput>;

export const AttributeDefinitionSchema = z
  .object({
    key: z.string(),
    labelFa: z.string(),
    labelEn: z.string(),
    type: z.enum(ATTRIBUTE_TYPES),
    choices: z.array(z.string()),
    position: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi("AttributeDefinition");
export type AttributeDefinitionView = z.infer<typeof AttributeDefinitionSchema>;

export const AttributeKeyParam = z.object({ key: z.string().min(1).max(64).openapi({ param: { name: "key", in: "path" }, example: "shoe_size" }) });
