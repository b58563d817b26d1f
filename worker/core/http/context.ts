// The typed request context: declared once, so handlers never cast.
import type { WorkspaceScope } from "../data/database";
import type { Locale } from "../i18n/locale";
import type { Actor } from "../auth/actor";

declare module "hono" {
  interface ContextVariableMap {
    locale: Locale;
    /** Who is calling; absent on public routes when no credentials were sent. */
    actor: Actor | undefined;
    /** The caller's workspace data, set once the actor is known. */
    scope: WorkspaceScope;
    /** On a plugin's routes: which plugin, and its context for this workspace. */
    plugin: { id: string; context: unknown } | undefined;
  }
}

export interface AppEnv {
  Bindings: Env;
}
