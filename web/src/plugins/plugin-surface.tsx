// One plugin surface (customer panel, page or dashboard card): fetches the plugin's blocks from
// its declared `source` route and renders them (see worker/plugin-api/ui-blocks.ts).
import { useEffect, useRef } from "preact/hooks";
import { useResource } from "../api/use-resource";
import { useLanguage } from "../i18n/i18n";
import { ErrorNotice, Loading } from "../components/states";
import { Blocks, type UiBlock } from "./blocks";

/** `source` is relative to /api/plugins/{pluginId}; `{customerId}` and the like take `params`. */
export function PluginSurface({ pluginId, source, params = {} }: { pluginId: string; source: string; params?: Record<string, string> }) {
  const path = `/api/plugins/${encodeURIComponent(pluginId)}${fillPath(source, params)}`;
  const surface = useResource<{ blocks: UiBlock[] }>(path);
  // Plugins word some cells themselves (in the request's language): ask again when it changes.
  const { language } = useLanguage();
  const shownIn = useRef(language);
  useEffect(() => {
    if (shownIn.current === language) return;
    shownIn.current = language;
    void surface.reload();
  }, [language]);
  if (surface.error) return <ErrorNotice error={surface.error} onRetry={() => void surface.reload()} />;
  if (!surface.data) return <Loading />;
  return <Blocks pluginId={pluginId} blocks={surface.data.blocks} onChanged={() => void surface.reload()} />;
}

export function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined || values[name] === "" ? whole : encodeURIComponent(String(values[name]))));
}
