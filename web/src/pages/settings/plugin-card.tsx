// One plugin: its name, version and description, the switch that enables it for this workspace,
// the permissions it adds, and its settings form generated from its JSON Schema.
import { useMemo, useState } from "preact/hooks";
import { api, type ApiError } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { ErrorNotice, Notice } from "../../components/states";
import { useToast } from "../../components/toast";
import { pickText, useLanguage, useMessages } from "../../i18n/i18n";
import { useSession, type PluginInfo } from "../../session/session";
import { fillDefaults, initialValue, renderedPaths, type JsonSchema } from "./json-schema";
import { pluginsMessages } from "./plugins.messages";
import { SchemaForm } from "./schema-form";
import { Switch } from "./switch";

const SETTINGS_PATH = "body.settings";

export function PluginCard({ plugin }: { plugin: PluginInfo }) {
  const t = useMessages(pluginsMessages);
  const { language } = useLanguage();
  const { refresh } = useSession();
  const toast = useToast();
  const name = pickText(plugin.name, language);
  const headingId = `plugin-${plugin.id}-heading`;
  // The switch shows the wanted state at once; the session's list catches up after the refresh.
  const [wanted, setWanted] = useState<boolean>();
  const toggle = useAction(async (enabled: boolean) => {
    setWanted(enabled);
    try {
      await api.patch(`/api/plugins/${plugin.id}`, { enabled });
      await refresh();
      toast(enabled ? t("enabledNow", { name }) : t("disabledNow", { name }));
    } finally {
      setWanted(undefined);
    }
  });
  return (
    <Card
      labelledBy={headingId}
      title={
        <>
          {name} <span class="badge">{t("version", { version: plugin.version })}</span>
        </>
      }
      actions={<Switch label={t("enabled")} checked={wanted ?? plugin.enabled} busy={toggle.busy} onChange={(enabled) => void toggle.run(enabled)} />}
    >
      <div class="stack">
        <p class="plugin-description">{pickText(plugin.description, language)}</p>
        {toggle.error && <ErrorNotice error={toggle.error} />}
        {plugin.permissions.length > 0 && (
          <details class="plugin-permissions">
            <summary>{t("permissions")}</summary>
            <ul>
              {plugin.permissions.map((permission) => (
                <li key={permission.key}>
                  {pickText(permission.description, language)} <code class="muted small">{permission.key}</code>
                </li>
              ))}
            </ul>
          </details>
        )}
        <PluginSettings plugin={plugin} name={name} />
      </div>
    </Card>
  );
}

function PluginSettings({ plugin, name }: { plugin: PluginInfo; name: string }) {
  const t = useMessages(pluginsMessages);
  const common = useMessages(commonMessages);
  const { refresh } = useSession();
  const toast = useToast();
  const schema = plugin.settingsSchema as JsonSchema;
  const [draft, setDraft] = useState(() => fillDefaults(schema, plugin.settings ?? {}, schema));
  const [shown, setShown] = useState(draft);
  const save = useAction(async () => {
    // Only what the user changed: the workspace keeps following the plugin's other defaults.
    const changed = Object.fromEntries(Object.entries(draft).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(shown[key])));
    const saved = await api.patch<PluginInfo>(`/api/plugins/${plugin.id}`, { settings: changed });
    const next = fillDefaults(schema, saved.settings ?? {}, schema);
    setDraft(next);
    setShown(next);
    await refresh();
    toast(t("savedSettings", { name }));
  });
  const { fieldErrors, unplaced } = useMemo(() => placeErrors(save.error, schema, draft), [save.error, schema, draft]);
  const headingId = `plugin-${plugin.id}-settings`;

  if (!schema.properties || Object.keys(schema.properties).length === 0) return <p class="muted small">{t("noSettings")}</p>;
  return (
    <form
      class="form plugin-settings"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <h3 id={headingId}>{t("settings")}</h3>
      <SchemaForm schema={schema} value={draft} onChange={setDraft} errors={fieldErrors} />
      {unplaced.length > 0 && (
        <Notice tone="warning">
          <strong>{t("settingsProblems")}</strong>
          <ul>
            {unplaced.map((problem, index) => (
              <li key={index}>
                {problem.path && <code>{problem.path}</code>} {problem.message}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {save.error && !save.error.problem.errors?.length && <ErrorNotice error={save.error} />}
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={save.busy}>
          {common("save")}
        </Button>
        <Button variant="ghost" onClick={() => setDraft(initialValue(schema, schema) as Record<string, unknown>)}>
          {t("restoreDefaults")}
        </Button>
      </div>
    </form>
  );
}

/** The API's errors under `body.settings`, each at the field that shows its path, or listed above Save. */
function placeErrors(error: ApiError | undefined, schema: JsonSchema, draft: Record<string, unknown>) {
  const fieldErrors = new Map<string, string>();
  const unplaced: Array<{ path: string; message: string }> = [];
  if (!error?.problem.errors) return { fieldErrors, unplaced };
  const shown = new Set(renderedPaths(schema, draft, schema));
  for (const problem of error.problem.errors) {
    const path = problem.path === SETTINGS_PATH ? "" : problem.path.startsWith(`${SETTINGS_PATH}.`) ? problem.path.slice(SETTINGS_PATH.length + 1) : problem.path;
    if (path && shown.has(path) && !fieldErrors.has(path)) fieldErrors.set(path, problem.message);
    else unplaced.push({ path, message: problem.message });
  }
  return { fieldErrors, unplaced };
}
