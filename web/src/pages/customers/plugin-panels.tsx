// Panels that enabled plugins add to the customer page (ui.customerPanel), each in its own card,
// in the plugins' declared order; the plugin's route supplies the content.
import { Card } from "../../components/card";
import { pickText, useLanguage } from "../../i18n/i18n";
import { PluginSurface } from "../../plugins/plugin-surface";
import { usePluginSurfaces } from "../../session/session";

export function PluginPanels({ customerId }: { customerId: string }) {
  const { language } = useLanguage();
  const panels = usePluginSurfaces("customerPanel");
  return (
    <>
      {panels.map(({ plugin, surface }) => (
        <Card key={plugin.id} title={pickText(surface.title, language)} labelledBy={`plugin-panel-${plugin.id}`} class="plugin-panel">
          <PluginSurface pluginId={plugin.id} source={surface.source} params={{ customerId }} />
        </Card>
      ))}
    </>
  );
}
