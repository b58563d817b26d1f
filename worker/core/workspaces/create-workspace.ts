// A new workspace comes with its built-in roles and its owner, written in one batch.
import { now } from "../data/clock";
import type { Database } from "../data/database";
import { newId } from "../data/ids";
import { roles, users, workspaces } from "../data/schema";
import { BUILTIN_ROLE_NAMES, BUILTIN_ROLE_PERMISSIONS, BUILTIN_ROLES, type BuiltinRole } from "../permissions/permissions";
import type { Locale } from "../i18n/locale";
import { pluginPermissionsForRole } from "../permissions/plugin-permissions";

export interface NewWorkspace {
  name: string;
  locale?: Locale;
  owner: { email: string; name: string; passwordHash: string | null };
}

export interface CreatedWorkspace {
  workspaceId: string;
  ownerId: string;
  roleIds: Record<BuiltinRole, string>;
}

export async function createWorkspace(directory: Database, input: NewWorkspace): Promise<CreatedWorkspace> {
  const time = now();
  const workspaceId = newId("ws");
  const ownerId = newId("usr");
  const locale = input.locale ?? "fa";
  const roleIds = Object.fromEntries(BUILTIN_ROLES.map((key) => [key, newId("rol")])) as Record<BuiltinRole, string>;
  await directory.batch([
    directory.insert(workspaces).values({ id: workspaceId, name: input.name, locale, createdAt: time, updatedAt: time }),
    directory.insert(roles).values(
      BUILTIN_ROLES.map((key) => ({
        id: roleIds[key],
        workspaceId,
        key,
        name: BUILTIN_ROLE_NAMES[key][locale],
        permissions: [...BUILTIN_ROLE_PERMISSIONS[key], ...pluginPermissionsForRole(key)],
        builtin: true,
        createdAt: time,
        updatedAt: time,
      })),
    ),
    directory.insert(users).values({
      id: ownerId,
      workspaceId,
      email: input.owner.email,
      name: input.owner.name,
      passwordHash: input.owner.passwordHash,
      roleId: roleIds.owner,
      createdAt: time,
      updatedAt: time,
    }),
  ]);
  return { workspaceId, ownerId, roleIds };
}
