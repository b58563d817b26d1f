// Thrown by a `before` hook to refuse a change: the request gets a 422 naming the plugin, and
// nothing is written.
import type { Localized } from "./types";

export class HookRejection extends Error {
  constructor(
    readonly reason: Localized,
    readonly field?: string,
  ) {
    super(reason.en);
    this.name = "HookRejection";
  }
}
