// A saved segment as the API takes it and gives it back, and the preview.
import { z } from "@hono/zod-openapi";
import { pageQuery } from "../data/cursor";
import { CustomerSchema } from "../customers/customer.schemas";
import { SegmentFilterSchema } from "./segment-filter";

const name = z.string().trim().min(1).max(100).openapi({ example: "At-risk big spenders" });
const description = z.string().trim().min(1).max(1000);

export const SegmentIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" }, example: "seg_01jd…" }) });

export const SegmentCreateInput = z
  .object({ name, description: description.optional(), filter: SegmentFilterSchema })
  .strict()
  .openapi("SegmentCreate");

export const SegmentUpdateInput = z
  .object({ name: name.optional(), description: description.nullable().optional().openapi({ description: "null clears it." }), filter: SegmentFilterSchema.optional() })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "nothing_to_change", when: (payload) => payload.issues.length === 0 })
  .openapi("SegmentUpdate");

export const SegmentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    filter: z.record(z.string(), z.unknown()),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Segment");
export type SegmentView = z.infer<typeof SegmentSchema>;

export const PREVIEW_SAMPLE = 5;

export const SegmentPreviewInput = z.object({ filter: SegmentFilterSchema }).strict().openapi("SegmentPreviewRequest");

export const SegmentPreviewSchema = z
  .object({
    total: z.number().int().openapi({ description: "How many live customers match now." }),
    sample: z.array(CustomerSchema).openapi({ description: `Up to ${PREVIEW_SAMPLE} of them, newest first, masked.` }),
  })
  .openapi("SegmentPreview");

export const SegmentListQuery = z.object(pageQuery);

/** A segment's customers, narrowed by the customer list's search box. */
export const SegmentCustomersQuery = SegmentListQuery.extend({
  q: z.string().trim().min(1).max(100).optional().openapi({ description: "As the customer list's `q`: a name word's prefix or any identifier, within the segment." }),
});
