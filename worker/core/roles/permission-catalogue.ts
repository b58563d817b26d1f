// The permissions a role or an API key may hold, and the rule that nobody grants more than they
// hold themselves. Plugins' declared permissions join the catalogue at start-up.
import { z } from "@hono/zod-openapi";
import type { Actor } from "../auth/actor";
import { Problem } from "../http/problem";
import { CORE_PERMISSIONS, type Permission } from "../permissions/permissions";
import { pluginPermissions } from "../permissions/plugin-permissions";

export function knownPermissions(): readonly Permission[] {
  return [...CORE_PERMISSIONS, ...pluginPermissions()];
}

export const isKnownPermission = (value: string) => knownPermissions().includes(value);

/** A list of known permission strings; an unknown one is named by its index ("body.scopes.2"). */
export const PermissionListSchema = z
  .array(z.string().max(80).refine(isKnownPermission, { message: "unknown_permission" }))
  .max(200)
  .openapi({ example: ["customers:read", "customers:write"] });

/** Stored form: each permission once, sorted, so before/after comparisons are stable. */
export const uniquePermissions = (list: readonly string[]) => [...new Set(list)].sort();

/**
 * Refuses granting what the actor does not hold (an admin's helper cannot mint an admin, a key
 * cannot widen itself). `path` names the field: "body.scopes" → "body.scopes.2".
 */
export function assertGrantable(actor: Pick<Actor, "permissions">, permissions: readonly string[], path: string): void {
  const errors = permissions.flatMap((permission, index) => (actor.permissions.has(permission) ? [] : [{ path: `${path}.${index}`, code: "permission_not_held" }]));
  if (errors.length) throw new Problem(400, "validation_failed", { errors });
}
