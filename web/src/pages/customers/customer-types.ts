// The API's shapes the customers area reads, taken from the Worker's own schemas (type-only
// imports: nothing of the Worker is bundled), so a change to the API shows up here as a type error.
import type { InteractionView } from "../../../../worker/core/interactions/interaction.schemas";
import type { MessageView } from "../../../../worker/core/messaging/message.schemas";
import type { OrderView } from "../../../../worker/core/orders/order.schemas";
import type { TaskView } from "../../../../worker/core/tasks/task.schemas";

export type { CustomerView as Customer } from "../../../../worker/core/customers/customer.schemas";
export type { InteractionView as Interaction, MessageView as Message, OrderView as Order, TaskView as Task };

/** One entry of GET /api/customers/{id}/timeline (worker/core/interactions/timeline.ts). */
export type TimelineEntry =
  | ({ kind: "interaction"; at: string } & InteractionView)
  | ({ kind: "task"; at: string } & TaskView)
  | ({ kind: "message"; at: string } & MessageView)
  | ({ kind: "order"; at: string } & OrderView)
  | { kind: "stage_change"; at: string; id: string; customerId: string; from: string; to: string; cause: string };

/** A saved segment (GET /api/segments); its filter is the API's segment filter. */
export interface Segment {
  id: string;
  name: string;
  description: string | null;
  filter: Record<string, unknown>;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
