// Errors a plugin's route answers with: problem+json like core's, in the caller's language.
// A refusal names the plugin and its reason ({ en, fa }), like a `before` hook's rejection; a
// machine-readable `reason` code lets an integration (a shop, a till) tell refusals apart.
import { Problem } from "../core/http/problem";
import type { Localized } from "./types";

export interface RefusalOptions {
  /** The request field at fault ("points" → `errors[].path` "body.points"). */
  field?: string;
  /** Stable code of the refusal, e.g. "coupon_used". */
  reason?: string;
  /** More members of the problem document. */
  extensions?: Record<string, unknown>;
}

/** A 4xx whose detail reads "The <plugin> plugin refused this change: <reason>". */
export function pluginRefusal(status: 400 | 403 | 409 | 410 | 422, plugin: Localized, reason: Localized, options: RefusalOptions = {}): Problem {
  const params = { plugin, reason };
  return new Problem(status, "rejected_by_plugin", {
    params,
    extensions: { ...(options.reason ? { reason: options.reason } : {}), ...options.extensions },
    ...(options.field ? { errors: [{ path: `body.${options.field}`, code: "rejected_by_plugin", params }] } : {}),
  });
}

/**
 * 404, as core answers for a record that is not in the caller's workspace. Name the request
 * field that pointed at it (`pluginNotFound("rewardId")` → `errors[].path` "body.rewardId"; a
 * path parameter: `pluginNotFound("customerId", "path")`) so a form shows it under that field.
 */
export function pluginNotFound(field?: string, where: "body" | "path" | "query" = "body"): Problem {
  return new Problem(404, "not_found", field ? { errors: [{ path: `${where}.${field}`, code: "not_found" }] } : {});
}

/**
 * The code of a refusal core answered a plugin's call with (a 4xx: the request cannot succeed as it
 * is, e.g. a text whose {firstName} this customer lacks), or null for a failure worth a retry.
 */
export function refusalCode(error: unknown): string | null {
  if (!(error instanceof Problem) || error.status >= 500) return null;
  return error.options.errors?.[0]?.code ?? error.code;
}
