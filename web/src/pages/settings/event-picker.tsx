// Checkboxes for the events a webhook receives: "every event", or names grouped by where they
// come from (core, each plugin).
import { Checkbox } from "../../components/field";
import { pickText, useLanguage, useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { eventGroups } from "./event-names";
import { webhooksMessages } from "./webhooks.messages";

export function EventPicker({ value, onChange, error }: { value: string[]; onChange: (events: string[]) => void; error?: string | undefined }) {
  const t = useMessages(webhooksMessages);
  const { language } = useLanguage();
  const { plugins } = useSession();
  const all = value.includes("*");
  const toggle = (name: string, on: boolean) => onChange(on ? [...value.filter((event) => event !== name), name] : value.filter((event) => event !== name));
  return (
    <fieldset class="plain-fieldset event-picker">
      <legend class="field__label">{t("events")}</legend>
      <Checkbox label={<strong>{t("allEvents")}</strong>} checked={all} onChecked={(on) => onChange(on ? ["*"] : [])} />
      {eventGroups(plugins, value).map((group) => (
        <fieldset key={group.key} class="permission-group" disabled={all}>
          <legend>{group.plugin ? t("pluginEvents", { name: pickText(group.plugin.name, language) }) : group.key === "core" ? t("coreEvents") : t("otherEvents")}</legend>
          <div class="permission-group__items">
            {group.events.map((name) => (
              <Checkbox key={name} name={name} label={<code>{name}</code>} checked={all || value.includes(name)} onChecked={(on) => toggle(name, on)} />
            ))}
          </div>
        </fieldset>
      ))}
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
