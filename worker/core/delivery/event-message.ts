// The body of a delivery queue message. The workspace travels with the event id so the
// consumer resolves the right database without a directory lookup.
import { z } from "@hono/zod-openapi";

export const EventMessageSchema = z.object({
  workspaceId: z.string(),
  eventId: z.string(),
  /** Deliver to this target only (a retry from the dead-letter list). */
  target: z.string().optional(),
});

export type EventMessage = z.infer<typeof EventMessageSchema>;
