// Messaging providers (settings:manage): SMS through the outbox, Kavenegar, IPPanel or SMS.ir, with
// the price per part that costs a send and the address the provider posts delivery reports and
// replies to; e-mail through the outbox or an HTTP API. Secrets are write-only: the API says only
// whether one is set (and its last characters), and an empty box keeps the stored one.
import type { ComponentChildren } from "preact";
import { useId, useState } from "preact/hooks";
import { ApiError, api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { useResource } from "../../api/use-resource";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { commonMessages } from "../../components/common.messages";
import { SelectField, TextArea, TextField } from "../../components/field";
import { ErrorNotice, Loading, Notice } from "../../components/states";
import { useToast } from "../../components/toast";
import { currencyExponent, useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { saveMessagingPolicy, type MessagingPolicySettings } from "./messaging-policy-card";
import { messagingMessages } from "./messaging.messages";
import { readNumber, toAsciiDigits } from "./number-text";

interface SecretState {
  set: boolean;
  hint: string | null;
}

const SMS_KINDS = ["outbox", "kavenegar", "ippanel", "smsir"] as const;
type SmsKind = (typeof SMS_KINDS)[number];

interface Provider {
  channel: "sms" | "email";
  kind: SmsKind | "http";
  sender?: string | null;
  /** SMS: where the provider posts delivery reports and replies; null until the channel is saved once. */
  callbackUrl?: string | null;
  /** SMS: replies that withdraw SMS consent. */
  optOutWords?: string[];
  url?: string;
  from?: string;
  apiKey?: SecretState;
  token?: SecretState;
  updatedAt: string | null;
}

export function MessagingProviders() {
  const providers = useResource<{ sms: Provider; email: Provider }>("/api/messaging/providers");
  // The price per part is part of the sending policy, kept per provider kind.
  const settings = useResource<{ messaging?: MessagingPolicySettings }>("/api/settings");
  if (providers.error && !providers.data) return <ErrorNotice error={providers.error} onRetry={() => void providers.reload()} />;
  if (!providers.data || (!settings.data && !settings.error)) return <Loading />;
  const replace = (next: Provider) => providers.mutate((current) => ({ ...current!, [next.channel]: next }));
  const prices = settings.data?.messaging?.smsPricePerPart ?? {};
  return (
    <>
      <SmsProviderCard provider={providers.data.sms} prices={prices} onSaved={replace} onPrices={(messaging) => settings.mutate((current) => ({ ...current, messaging }))} />
      <EmailProviderCard provider={providers.data.email} onSaved={replace} />
    </>
  );
}

/** "Set (…9C0D)" or "Not set", shown as the hint of a write-only box. */
function useSecretHint() {
  const t = useMessages(messagingMessages);
  return (state: SecretState | undefined) => (state?.set ? (state.hint ? t("secretSet", { hint: state.hint }) : t("secretSetNoHint")) : t("secretNotSet"));
}

/** What both channels' cards share: the provider choice, the outbox note, errors and Save. */
function ProviderForm<Kind extends string>({
  title,
  headingId,
  provider,
  kind,
  kinds,
  onKind,
  save,
  children,
  always,
}: {
  title: string;
  headingId: string;
  provider: Provider;
  kind: Kind;
  kinds: Array<{ value: Kind; label: string }>;
  onKind: (kind: Kind) => void;
  save: { run: () => Promise<unknown>; busy: boolean; error: ApiError | undefined };
  /** The fields of the chosen provider (none for the outbox). */
  children: ComponentChildren;
  /** Fields every provider of the channel has, the outbox too (the price per part). */
  always?: ComponentChildren;
}) {
  const t = useMessages(messagingMessages);
  const common = useMessages(commonMessages);
  const f = useFormat();
  return (
    <Card title={title} labelledBy={headingId}>
      <form
        class="form settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <SelectField label={t("provider")} name="kind" value={kind} onValue={(value) => onKind(value as Kind)} error={save.error?.fieldError("kind")} options={kinds} />
        {kind === "outbox" ? <Notice tone="muted">{t("outboxNote")}</Notice> : children}
        {always}
        {save.error && !save.error.problem.errors?.length && <ErrorNotice error={save.error} />}
        <div class="form__actions">
          <Button type="submit" variant="primary" busy={save.busy}>
            {common("save")}
          </Button>
          {provider.updatedAt && <span class="muted small">{t("updated", { date: f.dateTime(provider.updatedAt) })}</span>}
        </div>
      </form>
    </Card>
  );
}

function SmsProviderCard({
  provider,
  prices,
  onSaved,
  onPrices,
}: {
  provider: Provider;
  /** Price of one part per provider kind, in the currency's minor units. */
  prices: Record<string, number>;
  onSaved: (provider: Provider) => void;
  onPrices: (policy: MessagingPolicySettings) => void;
}) {
  const t = useMessages(messagingMessages);
  const toast = useToast();
  const f = useFormat();
  const session = useSession();
  const secretHint = useSecretHint();
  const [kind, setKind] = useState<SmsKind>(SMS_KINDS.find((known) => known === provider.kind) ?? "outbox");
  const [apiKey, setApiKey] = useState("");
  const [sender, setSender] = useState(provider.sender ?? "");
  const [optOutWords, setOptOutWords] = useState((provider.optOutWords ?? []).join("\n"));
  // IPPanel calls its key a token; Kavenegar and SMS.ir an API key.
  const secretName = kind === "ippanel" ? "token" : "apiKey";
  const exponent = currencyExponent(session.me?.workspace.currency ?? "IRT");
  const priceText = (forKind: string) => (prices[forKind] === undefined ? "" : f.digits(String(prices[forKind]! / 10 ** exponent)));
  const [price, setPrice] = useState(priceText(kind));
  const save = useAction(async () => {
    const typed = readNumber(price);
    if (typeof typed === "string" || (typed !== undefined && typed < 0)) throw new ApiError({ status: 400, errors: [{ path: "pricePerPart", code: "invalid", message: t("priceInvalid") }] });
    const minor = typed === undefined ? undefined : Math.round(typed * 10 ** exponent);
    const words = optOutWords
      .split(/[\n,،]/)
      .map((word) => word.trim())
      .filter(Boolean);
    const body = {
      kind,
      ...(words.length ? { optOutWords: words } : {}),
      ...(kind === "outbox" ? {} : { ...(apiKey.trim() ? { [secretName]: apiKey.trim() } : {}), ...(sender.trim() ? { sender: toAsciiDigits(sender).trim() } : {}) }),
    };
    if (minor !== prices[kind]) {
      const next = { ...prices };
      if (minor === undefined) delete next[kind];
      else next[kind] = minor;
      onPrices(await saveMessagingPolicy({ smsPricePerPart: next }));
    }
    onSaved(await api.put<Provider>("/api/messaging/providers/sms", body));
    setApiKey("");
    toast(t("savedSms"));
  });
  const priceField = (
    <TextField
      label={t("pricePerPart")}
      name="pricePerPart"
      inputMode="decimal"
      value={price}
      onValue={setPrice}
      hint={t("pricePerPartHint", { currency: session.me?.workspace.currency ?? "" })}
      error={save.error?.fieldError("pricePerPart") ?? save.error?.fieldError("messaging.smsPricePerPart")}
    />
  );
  return (
    <ProviderForm
      title={t("sms")}
      headingId="sms-provider-heading"
      provider={provider}
      kind={kind}
      kinds={SMS_KINDS.map((value) => ({ value, label: t(value) }))}
      onKind={(next) => {
        setKind(next);
        setPrice(priceText(next));
      }}
      save={save}
      always={
        <>
          {priceField}
          <TextArea label={t("optOutWords")} name="optOutWords" value={optOutWords} onValue={setOptOutWords} rows={3} hint={t("optOutWordsHint")} error={save.error?.fieldError("optOutWords")} />
          {provider.callbackUrl && provider.kind === kind ? <WebhookAddress url={provider.callbackUrl} /> : <Notice tone="muted">{t("webhookUrlAfterSave")}</Notice>}
        </>
      }
    >
      <TextField
        label={t("apiKey", { provider: t(kind) })}
        name={secretName}
        type="password"
        dir="ltr"
        autoComplete="off"
        value={apiKey}
        onValue={setApiKey}
        hint={secretHint(provider.kind === kind ? provider[secretName] : undefined)}
        error={save.error?.fieldError(secretName)}
      />
      <TextField
        label={t(kind === "kavenegar" ? "sender" : "senderRequired")}
        name="sender"
        dir="ltr"
        inputMode="numeric"
        value={sender}
        onValue={setSender}
        hint={t(kind === "kavenegar" ? "senderHint" : "senderRequiredHint")}
        error={save.error?.fieldError("sender")}
        required={kind !== "kavenegar"}
      />
    </ProviderForm>
  );
}

/** The delivery-report and replies address, read-only, with a button that copies it. */
function WebhookAddress({ url }: { url: string }) {
  const t = useMessages(messagingMessages);
  const toast = useToast();
  const id = useId();
  return (
    <div class="field">
      <label for={id} class="field__label">
        {t("webhookUrl")}
      </label>
      <div class="copy-field">
        <input id={id} class="input" dir="ltr" readOnly value={url} aria-describedby={`${id}-hint`} onFocus={(event) => (event.target as HTMLInputElement).select()} />
        <Button
          onClick={() =>
            void navigator.clipboard.writeText(url).then(
              () => toast(t("copied")),
              () => toast(t("copyFailed"), "error"),
            )
          }
        >
          {t("copy")}
        </Button>
      </div>
      <p id={`${id}-hint`} class="field__hint">
        {t("webhookUrlHint")}
      </p>
    </div>
  );
}

function EmailProviderCard({ provider, onSaved }: { provider: Provider; onSaved: (provider: Provider) => void }) {
  const t = useMessages(messagingMessages);
  const toast = useToast();
  const secretHint = useSecretHint();
  const [kind, setKind] = useState<"outbox" | "http">(provider.kind === "http" ? "http" : "outbox");
  const [url, setUrl] = useState(provider.url ?? "");
  const [token, setToken] = useState("");
  const [from, setFrom] = useState(provider.from ?? "");
  const save = useAction(async () => {
    const body = kind === "outbox" ? { kind } : { kind, url: url.trim(), from: from.trim(), ...(token.trim() ? { token: token.trim() } : {}) };
    onSaved(await api.put<Provider>("/api/messaging/providers/email", body));
    setToken("");
    toast(t("savedEmail"));
  });
  return (
    <ProviderForm
      title={t("email")}
      headingId="email-provider-heading"
      provider={provider}
      kind={kind}
      kinds={[
        { value: "outbox", label: t("outbox") },
        { value: "http", label: t("http") },
      ]}
      onKind={setKind}
      save={save}
    >
      <TextField label={t("url")} name="url" type="url" dir="ltr" value={url} onValue={setUrl} hint={t("urlHint")} error={save.error?.fieldError("url")} required />
      <TextField
        label={t("token")}
        name="token"
        type="password"
        dir="ltr"
        autoComplete="off"
        value={token}
        onValue={setToken}
        hint={secretHint(provider.kind === "http" ? provider.token : undefined)}
        error={save.error?.fieldError("token")}
      />
      <TextField label={t("from")} name="from" type="email" dir="ltr" value={from} onValue={setFrom} error={save.error?.fieldError("from")} required />
    </ProviderForm>
  );
}
