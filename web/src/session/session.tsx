// Who is signed in (GET /api/auth/me), what they may do, and the plugins enabled for them.
// Pages read it with useSession(); `can("customers:export")` decides what to show.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Language } from "../i18n/i18n";

/** The day the workspace's weeks start on (a workspace setting, the same for every reader). */
export type WeekStart = "saturday" | "sunday" | "monday";

export interface Me {
  user: { id: string; email: string; name: string; locale: Language | null; mobile: string | null };
  role: { id: string; key: string; name: string };
  permissions: string[];
  workspace: { id: string; name: string; locale: Language; timeZone: string; currency: string; cidKind: string; weekStart: WeekStart };
  via: "session" | "api_key";
}

export interface Localized {
  en: string;
  fa: string;
}

export interface PluginSurface {
  title: Localized;
  source: string;
  order?: number;
  icon?: string;
  permission?: string;
}

export interface PluginInfo {
  id: string;
  name: Localized;
  description: Localized;
  version: string;
  enabled: boolean;
  permissions: Array<{ key: string; description: Localized }>;
  settings: Record<string, unknown> | null;
  settingsSchema: Record<string, unknown>;
  events: string[];
  ui: {
    customerPanel?: PluginSurface;
    page?: PluginSurface;
    dashboardCard?: PluginSurface;
    /** The customers list's selection is sent through the plugin's page (`?list=`) instead of core's composer. */
    bulkSend?: { label: Localized; permission?: string };
  };
}

export interface SessionState {
  me: Me | undefined;
  plugins: PluginInfo[];
  can: (permission: string) => boolean;
  /** Loads me and the plugins again (after a settings or plugin change). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState>({
  me: undefined,
  plugins: [],
  can: () => false,
  refresh: async () => {},
  signOut: async () => {},
});

export const useSession = () => useContext(SessionContext);

/** The enabled plugins' surfaces of one kind that this user may see, in their declared order. */
export function usePluginSurfaces(kind: "customerPanel" | "page" | "dashboardCard") {
  const { plugins, can } = useSession();
  return plugins
    .filter((plugin) => plugin.enabled && plugin.ui[kind] && (!plugin.ui[kind]!.permission || can(plugin.ui[kind]!.permission!)))
    .map((plugin) => ({ plugin, surface: plugin.ui[kind]! }))
    .sort((a, b) => (a.surface.order ?? 100) - (b.surface.order ?? 100));
}
