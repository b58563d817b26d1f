// Plugins (plugins:manage): every compiled-in plugin, whether it is enabled, and its settings.
// The list is the session's own (GET /api/plugins), so after a change the session is loaded again
// and the navigation shows or hides the plugin's pages at once.
import { Card } from "../../components/card";
import { Empty } from "../../components/states";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { PluginCard } from "./plugin-card";
import { pluginsMessages } from "./plugins.messages";

export function PluginsSection() {
  const t = useMessages(pluginsMessages);
  const { plugins } = useSession();
  return (
    <div class="stack">
      <p class="muted">{t("intro")}</p>
      {plugins.length === 0 ? (
        <Card>
          <Empty>{t("noPlugins")}</Empty>
        </Card>
      ) : (
        plugins.map((plugin) => <PluginCard key={plugin.id} plugin={plugin} />)
      )}
    </div>
  );
}
