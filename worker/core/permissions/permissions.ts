// Core permission strings (resource:action) and what each built-in role holds.
// Plugins declare their own permissions, which join this list at start-up.

export const CORE_PERMISSIONS = [
  "customers:read",
  "customers:write",
  "customers:delete",
  "customers:merge",
  "customers:export",
  "customers.pii:read",
  "interactions:write",
  "messages:send",
  "tasks:read",
  "tasks:write",
  "orders:read",
  "orders:write",
  "segments:manage",
  "users:manage",
  "api_keys:manage",
  "settings:manage",
  "plugins:manage",
  "webhooks:manage",
  "connections:manage",
  "audit:read",
  "events:manage",
  "import:run",
] as const;

export type CorePermission = (typeof CORE_PERMISSIONS)[number];
/** A core permission or one declared by a plugin ("loyalty:adjust"). */
export type Permission = CorePermission | (string & {});

export const BUILTIN_ROLES = ["owner", "admin", "manager", "agent", "viewer"] as const;
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];

const everything = [...CORE_PERMISSIONS];

export const BUILTIN_ROLE_PERMISSIONS: Record<BuiltinRole, readonly CorePermission[]> = {
  owner: everything,
  admin: everything,
  manager: [
    "customers:read",
    "customers:write",
    "customers:delete",
    "customers:merge",
    "customers:export",
    "customers.pii:read",
    "interactions:write",
    "messages:send",
    "tasks:read",
    "tasks:write",
    "orders:read",
    "orders:write",
    "segments:manage",
    "audit:read",
    "import:run",
  ],
  agent: ["customers:read", "customers:write", "interactions:write", "messages:send", "tasks:read", "tasks:write", "orders:read", "orders:write"],
  viewer: ["customers:read", "tasks:read", "orders:read"],
};

export const BUILTIN_ROLE_NAMES: Record<BuiltinRole, { en: string; fa: string }> = {
  owner: { en: "Owner", fa: "مالک" },
  admin: { en: "Admin", fa: "مدیر سیستم" },
  manager: { en: "Manager", fa: "مدیر فروش" },
  agent: { en: "Agent", fa: "کارشناس" },
  viewer: { en: "Viewer", fa: "بیننده" },
};
