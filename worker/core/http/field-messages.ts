// Words for the validation codes plugins' schemas use (`step_jump_forward`), which core's own
// message list does not know: each plugin's `messages`, registered when the runtime is built, so a
// field's error reads in the caller's language rather than as zod's "invalid input".
import type { Localized } from "../../plugin-api/types";

const registered = new Map<string, Localized>();

export function registerFieldMessages(messages: Record<string, Localized>): void {
  for (const [code, text] of Object.entries(messages)) registered.set(code, text);
}

/** A plugin's words for a code, in the reader's language; undefined when none registered it. */
export function fieldMessage(code: string, locale: "fa" | "en"): string | undefined {
  return registered.get(code)?.[locale];
}
