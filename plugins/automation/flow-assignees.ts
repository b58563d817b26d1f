// A task step that names a staff member is checked when the flow is saved: someone who is not an
// active member of the workspace (never was, left, or was disabled) is refused at the step's field,
// rather than tasks being opened for no one to see.
import { activeMembers, pluginRefusal, type PluginContext } from "../../worker/plugin-api";
import type { FlowDefinition } from "./flow-definition";
import { ASSIGNEE_NOT_MEMBER, PLUGIN_NAME } from "./texts";

export async function refuseUnknownAssignees(ctx: PluginContext<unknown>, definition: FlowDefinition): Promise<void> {
  const named = definition.steps.flatMap((step, index) => (step.type === "task" && step.assignee !== "customer_owner" ? [{ index, userId: step.assignee }] : []));
  if (named.length === 0) return;
  const members = new Set((await activeMembers(ctx, { ids: [...new Set(named.map((step) => step.userId))] })).map((member) => member.id));
  const stranger = named.find((step) => !members.has(step.userId));
  if (stranger) throw pluginRefusal(400, PLUGIN_NAME, ASSIGNEE_NOT_MEMBER, { field: `definition.steps.${stranger.index}.assignee`, reason: "assignee_not_member" });
}
