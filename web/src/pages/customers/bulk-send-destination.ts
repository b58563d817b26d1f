// Where the bulk bar sends a selection when a plugin offers it (ui.bulkSend, e.g. the automation
// plugin's campaign composer): the selection becomes a new static list named after the moment,
// and the plugin's page opens with `?list={listId}`.
import { api, ApiError } from "../../api/client";
import { knownTimeZone } from "../../i18n/format";
import type { Language } from "../../i18n/i18n";
import { useSession, type Localized, type PluginInfo } from "../../session/session";

export interface BulkSendDestination {
  plugin: PluginInfo;
  label: Localized;
}

/** The first enabled plugin offering a bulk send that this user may use (its permission and its page's); none: core's composer. */
export function useBulkSendDestination(): BulkSendDestination | undefined {
  const { plugins, can } = useSession();
  const allowed = (permission: string | undefined) => !permission || can(permission);
  const plugin = plugins.find(
    (candidate) => candidate.enabled && candidate.ui.bulkSend && candidate.ui.page && allowed(candidate.ui.bulkSend.permission) && allowed(candidate.ui.page.permission),
  );
  return plugin && { plugin, label: plugin.ui.bulkSend!.label };
}

/** "7 Dec 13:20" (en) or "۱۶ آذر ۱۳:۲۰" (fa, Jalali), in the workspace's time zone. */
export function momentText(language: Language, timeZone: string, at = Date.now()): string {
  const locale = language === "fa" ? "fa-IR-u-ca-persian" : "en-GB";
  const zone = knownTimeZone(timeZone);
  const day = new Intl.DateTimeFormat(locale, { timeZone: zone, day: "numeric", month: "short" }).format(at);
  const time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return `${day} ${time}`;
}

/** A new, empty list named `name`; a second selection in the same minute gets "(2)", "(3)"… */
export async function createSelectionList(name: string): Promise<{ id: string }> {
  for (let n = 1; ; n++) {
    try {
      return await api.post<{ id: string }>("/api/lists", { name: n === 1 ? name : `${name} (${n})` });
    } catch (caught) {
      if (!(caught instanceof ApiError && caught.status === 409) || n >= 20) throw caught;
    }
  }
}
