// The dashboard cards of the workspace's enabled plugins that this user may see, each rendered
// from the blocks its plugin's route returns. A fragment, so the cards join the page's grid.
import { Card } from "../../components/card";
import { pickText, useLanguage } from "../../i18n/i18n";
import { PluginSurface } from "../../plugins/plugin-surface";
import { usePluginSurfaces } from "../../session/session";

export function PluginCards() {
  const { language } = useLanguage();
  const cards = usePluginSurfaces("dashboardCard");
  return (
    <>
      {cards.map(({ plugin, surface }) => (
        <Card key={plugin.id} title={pickText(surface.title, language)} labelledBy={`plugin-card-${plugin.id}`}>
          <PluginSurface pluginId={plugin.id} source={surface.source} />
        </Card>
      ))}
    </>
  );
}
