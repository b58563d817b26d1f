// Permissions declared by the compiled-in plugins. The plugin list is fixed when the Worker is
// built, so it is recorded once at start-up (createWorker) and read by the permission catalogue,
// by new workspaces' built-in roles, and by sign-in (owners hold every permission; admins hold
// what their role lists, which starts with every plugin permission).
export interface DeclaredPermission {
  key: string;
  grantTo: readonly string[];
}

let declared: readonly DeclaredPermission[] = [];

export function declarePluginPermissions(permissions: readonly DeclaredPermission[]): void {
  declared = permissions;
}

export const pluginPermissions = (): readonly string[] => declared.map((permission) => permission.key);

/** Plugin permissions a built-in role starts with: all for owner and admin, those granted to it otherwise. */
export function pluginPermissionsForRole(roleKey: string): string[] {
  if (roleKey === "owner" || roleKey === "admin") return [...pluginPermissions()];
  return declared.filter((permission) => permission.grantTo.includes(roleKey)).map((permission) => permission.key);
}
