// The placeholders a template may hold (the Worker's closed list), offered as buttons in the
// template editor; the API refuses any other.
export { PLACEHOLDERS } from "../../../worker/core/messaging/message-text";
