// The caller of a request: a signed-in user or an API key, always inside one workspace.
import type { Permission } from "../permissions/permissions";

export interface Actor {
  readonly workspaceId: string;
  /** The signed-in user, or the user who created the API key. */
  readonly userId: string;
  readonly apiKeyId: string | null;
  readonly sessionId: string | null;
  readonly permissions: ReadonlySet<Permission>;
}

export const can = (actor: Actor, permission: Permission) => actor.permissions.has(permission);
