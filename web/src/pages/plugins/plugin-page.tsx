// A plugin's own page (/plugins/{id}), rendered from the blocks its `ui.page.source` route returns.
import { useParams, useSearch } from "wouter-preact";
import { Card, PageHeader } from "../../components/card";
import { Empty } from "../../components/states";
import { pickText, useLanguage } from "../../i18n/i18n";
import { PluginSurface } from "../../plugins/plugin-surface";
import { usePluginSurfaces } from "../../session/session";

export default function PluginPage() {
  const { id } = useParams<{ id: string }>();
  const { language } = useLanguage();
  // The page's own views (`?flow=…`, from its links) go to its source route.
  const search = useSearch();
  const entry = usePluginSurfaces("page").find(({ plugin }) => plugin.id === id);
  if (!entry) return <Empty>{language === "fa" ? "این افزونه فعال نیست." : "This plugin is not enabled."}</Empty>;
  return (
    <>
      <PageHeader title={pickText(entry.surface.title, language)} subtitle={pickText(entry.plugin.description, language)} />
      <Card>
        <PluginSurface pluginId={entry.plugin.id} source={search ? `${entry.surface.source}?${search}` : entry.surface.source} />
      </Card>
    </>
  );
}
