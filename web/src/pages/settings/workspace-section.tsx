// The workspace's settings (settings:manage): name, CID kind, lapsed window, language, currency,
// the day weeks start on and time zone. A refused CID change lists the customers lacking that identifier. After a save
// the session is loaded again, so dates and amounts follow the new settings at once.
import { CustomerCode } from "../customers/customer-code";
import { useMemo, useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { useResource } from "../../api/use-resource";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { SelectField, TextField } from "../../components/field";
import { ErrorNotice, Loading } from "../../components/states";
import { useToast } from "../../components/toast";
import { useFormat } from "../../i18n/format";
import { useLanguage, useMessages } from "../../i18n/i18n";
import { useSession, type WeekStart } from "../../session/session";
import { readNumber } from "./number-text";
import { AttributeDefinitionsCard } from "./attribute-definitions-card";
import { SmsSignInCard } from "./sms-sign-in-card";
import { workspaceMessages } from "./workspace.messages";
import { EmbeddedText } from "../../components/embedded-text";

const CID_KINDS = ["mobile", "national_code", "email", "issued", "username"] as const;
type CidKind = (typeof CID_KINDS)[number];

interface Settings {
  name: string;
  cidKind: CidKind;
  lapsedDays: number;
  locale: "fa" | "en";
  timeZone: string;
  currency: string;
  weekStart: WeekStart;
  smsSignIn: boolean;
}

const WEEK_STARTS = ["saturday", "sunday", "monday"] as const satisfies readonly WeekStart[];

interface Lacking {
  total: number;
  customers: Array<{ id: string; code: string; displayName: string }>;
}

export function WorkspaceSection() {
  const settings = useResource<Settings>("/api/settings");
  const { me } = useSession();
  if (settings.error) return <ErrorNotice error={settings.error} onRetry={() => void settings.reload()} />;
  if (!settings.data) return <Loading />;
  return (
    <div class="stack">
      <WorkspaceForm initial={settings.data} onSaved={(next) => settings.mutate(next)} />
      {/* Who may sign in, and how, is the owner's choice alone. */}
      {me?.role.key === "owner" && <SmsSignInCard enabled={settings.data.smsSignIn} onSaved={(smsSignIn) => settings.mutate((current) => ({ ...current!, smsSignIn }))} />}
      <AttributeDefinitionsCard />
    </div>
  );
}

function WorkspaceForm({ initial, onSaved }: { initial: Settings; onSaved: (settings: Settings) => void }) {
  const t = useMessages(workspaceMessages);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const { refresh } = useSession();
  const [draft, setDraft] = useState<Settings>(initial);
  const f = useFormat();
  const [lapsedText, setLapsedText] = useState(() => f.digits(String(initial.lapsedDays)));
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const currencies = useCurrencyOptions(draft.currency);
  const timeZones = useMemo(() => timeZoneOptions(draft.timeZone), [draft.timeZone]);

  const save = useAction(async () => {
    // Only what changed: an unchanged CID kind must not be re-checked, and the audit shows the change.
    const changes: Record<string, unknown> = {};
    const next: Record<keyof Settings, unknown> = { ...draft, lapsedDays: readNumber(lapsedText) ?? null };
    // The SMS sign-in switch saves itself (owner only): this form never sends it.
    for (const key of Object.keys(next) as Array<keyof Settings>) if (key !== "smsSignIn" && next[key] !== initial[key]) changes[key] = next[key];
    if (Object.keys(changes).length === 0) return;
    const saved = await api.patch<Settings>("/api/settings", changes);
    onSaved(saved);
    setDraft(saved);
    await refresh();
    toast(common("saved"));
  });
  const fieldError = (name: string) => save.error?.fieldError(name);
  const lacking = save.error?.problem.code === "cid_change_blocked" ? (save.error.problem.lacking as Lacking | undefined) : undefined;

  return (
    <Card title={t("heading")} labelledBy="workspace-heading">
      <form
        class="form settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <TextField label={t("name")} name="name" value={draft.name} onValue={(value) => set("name", value)} error={fieldError("name")} required />
        <SelectField
          label={t("cidKind")}
          name="cidKind"
          value={draft.cidKind}
          onValue={(value) => set("cidKind", value as CidKind)}
          hint={t("cidHint")}
          error={fieldError("cidKind")}
          options={CID_KINDS.map((kind) => ({ value: kind, label: t(`cid_${kind}`) }))}
        />
        {lacking && <CidBlocked lacking={lacking} kind={t(`cid_${draft.cidKind}`)} />}
        <TextField
          label={t("lapsedDays")}
          name="lapsedDays"
          inputMode="numeric"
          value={lapsedText}
          onValue={setLapsedText}
          hint={t("lapsedHint")}
          error={fieldError("lapsedDays")}
          required
        />
        <div class="form__row">
          <SelectField
            label={t("locale")}
            name="locale"
            value={draft.locale}
            onValue={(value) => set("locale", value as Settings["locale"])}
            error={fieldError("locale")}
            options={[
              { value: "fa", label: t("persian") },
              { value: "en", label: t("english") },
            ]}
          />
          <SelectField label={t("currency")} name="currency" value={draft.currency} onValue={(value) => set("currency", value)} hint={t("currencyHint")} error={fieldError("currency")} options={currencies} />
        </div>
        <SelectField
          label={t("weekStart")}
          name="weekStart"
          value={draft.weekStart}
          onValue={(value) => set("weekStart", value as WeekStart)}
          hint={t("weekStartHint")}
          error={fieldError("weekStart")}
          options={WEEK_STARTS.map((day) => ({ value: day, label: t(`week_${day}`) }))}
        />
        <SelectField label={t("timeZone")} name="timeZone" value={draft.timeZone} onValue={(value) => set("timeZone", value)} hint={t("timeZoneHint")} error={fieldError("timeZone")} options={timeZones} />
        {save.error && !lacking && !save.error.problem.errors?.length && <ErrorNotice error={save.error} />}
        <div class="form__actions">
          <Button type="submit" variant="primary" busy={save.busy}>
            {common("save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function CidBlocked({ lacking, kind }: { lacking: Lacking; kind: string }) {
  const t = useMessages(workspaceMessages);
  return (
    <div class="notice notice--error" role="alert">
      <strong>{t("blockedTitle", { kind })}</strong>
      <p>{t("blockedText", { total: lacking.total, kind })}</p>
      {lacking.customers.length > 0 && (
        <>
          <p class="small">{t("blockedFirst")}</p>
          <ul class="lacking-list">
            {lacking.customers.map((customer) => (
              <li key={customer.id}>
                <a href={`/customers/${customer.id}`}><EmbeddedText>{customer.displayName}</EmbeddedText></a> <span class="muted small code"><CustomerCode code={customer.code} /></span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Toman and rial first (what Iranian shops price in), then every ISO currency the browser knows. */
function useCurrencyOptions(current: string) {
  const t = useMessages(workspaceMessages);
  const { language } = useLanguage();
  return useMemo(() => {
    const names = new Intl.DisplayNames([language === "fa" ? "fa" : "en"], { type: "currency" });
    const iso = Intl.supportedValuesOf("currency").filter((code) => code !== "IRR");
    const options = [
      { value: "IRT", label: t("irt") },
      { value: "IRR", label: t("irr") },
      ...iso.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` })),
    ];
    if (!options.some((option) => option.value === current)) options.push({ value: current, label: current });
    return options;
  }, [language, current, t]);
}

function timeZoneOptions(current: string) {
  const zones = Intl.supportedValuesOf("timeZone");
  const list = zones.includes(current) ? zones : [current, ...zones];
  // Tehran first: the zone nearly every workspace uses.
  const ordered = ["Asia/Tehran", ...list.filter((zone) => zone !== "Asia/Tehran")];
  return ordered.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}
