// The writes a `before` hook can see and change, with the input each one receives. A hook
// returns the input (changed or not) or throws HookRejection; it runs inside the request,
// before anything is written, so it must be fast and make no network calls.
import type { CustomerCreate } from "../customers/customer.schemas";
import type { CustomerUpdate } from "../customers/customer.schemas";
import type { InteractionCreate } from "../interactions/interaction.schemas";
import type { TaskCreate } from "../tasks/task.schemas";

export interface BeforeEventInputs {
  "customer.created": CustomerCreate;
  "customer.updated": { customerId: string; changes: CustomerUpdate };
  "interaction.logged": { customerId: string; interaction: InteractionCreate };
  "task.created": TaskCreate;
}

export type BeforeEventName = keyof BeforeEventInputs;
export type BeforeEventInput<N extends BeforeEventName> = BeforeEventInputs[N];

export const BEFORE_EVENT_NAMES: readonly BeforeEventName[] = ["customer.created", "customer.updated", "interaction.logged", "task.created"];
