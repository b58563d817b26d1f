// The fixed lists the call and complaint forms offer, checked against the API's own types.
import type { CallOutcome, ComplaintStatus } from "../../../../worker/core/interactions/interactions.schema";

export const CALL_OUTCOMES = ["answered", "no_answer", "busy", "wrong_number", "voicemail"] as const satisfies readonly CallOutcome[];
export const COMPLAINT_STATUSES = ["open", "in_progress", "resolved"] as const satisfies readonly ComplaintStatus[];
export type { ComplaintStatus };
