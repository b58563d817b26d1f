// The message composer, for SMS or e-mail: purpose, a saved template of the channel or free text
// (an e-mail with its subject), and while an SMS is typed its parts, characters left, encoding and
// estimated cost; after sending, what became of the message.
// It knows nothing of who receives it: the page gives `send` (one customer, or a bulk send whose
// progress the page shows itself) and the number of recipients the cost is for. One idempotency
// key per opened composer, so a double click or a retry never sends twice.
import type { ComponentChildren } from "preact";
import { useId, useState } from "preact/hooks";
import { useAction } from "../api/use-action";
import { useResource } from "../api/use-resource";
import { Button } from "../components/button";
import { commonMessages } from "../components/common.messages";
import { SelectField, TextArea, TextField } from "../components/field";
import { ErrorNotice } from "../components/states";
import { useLanguage, useMessages } from "../i18n/i18n";
import { customerWords } from "../pages/customers/customer-words.messages";
import { unmatchedProblem } from "../pages/customers/field-errors";
import { composerMessages } from "./composer.messages";
import { PURPOSES, type MessageChannel, type MessagePurpose, type MessageTemplate, type SentMessage } from "./message-types";
import { SendOutcome } from "./send-outcome";
import { SmsMeter } from "./sms-meter";
import { useSmsPreview } from "./use-sms-preview";

/** What the composer hands to `send`. */
export interface ComposedMessage {
  channel: MessageChannel;
  purpose: MessagePurpose;
  template?: string;
  body?: string;
  /** An e-mail's subject (a template's own subject is used when it has one). */
  subject?: string;
  idempotencyKey: string;
}

export function MessageComposer({
  channel = "sms",
  fieldPrefix = "",
  recipients = 1,
  purpose: initialPurpose = "transactional",
  send,
  onDone,
  onCancel,
  children,
}: {
  channel?: MessageChannel;
  /** Where the API reports this form's fields ("change." for a bulk action's). */
  fieldPrefix?: string;
  /** How many receive it (the cost is for all of them). */
  recipients?: number;
  /** The purpose chosen when it opens (marketing for a bulk send). */
  purpose?: MessagePurpose;
  /** One message's outcome to show, or null when the page follows what was sent (a bulk send's progress). */
  send: (message: ComposedMessage) => Promise<SentMessage | null>;
  /** After the outcome is read ("Close"), so the page can reload what changed. */
  onDone: () => void;
  onCancel: () => void;
  /** Notes above the form: to whom, a missing consent. */
  children?: ComponentChildren;
}) {
  const t = useMessages(composerMessages);
  const w = useMessages(customerWords);
  const common = useMessages(commonMessages);
  const { language } = useLanguage();
  const meterId = useId();
  const [purpose, setPurpose] = useState<MessagePurpose>(initialPurpose);
  const [templateName, setTemplateName] = useState("");
  const [locale, setLocale] = useState<"fa" | "en">(language);
  const [text, setText] = useState("");
  const [subject, setSubject] = useState("");
  const [idempotencyKey] = useState(() => `ui-${crypto.randomUUID()}`);
  const [outcome, setOutcome] = useState<SentMessage>();
  const templates = useResource<{ items: MessageTemplate[] }>("/api/messaging/templates");
  const channelTemplates = (templates.data?.items ?? []).filter((template) => template.channel === channel);
  const template = channelTemplates.find((candidate) => candidate.name === templateName);
  const live = useSmsPreview({ channel, body: text, template: template?.name ?? null, locale, recipients });
  // An e-mail's subject is typed unless its template has one.
  const asksSubject = channel === "email" && !template?.subject;

  const submit = useAction(async () => {
    const sent = await send({
      channel,
      purpose,
      idempotencyKey,
      ...(template ? { template: template.name } : { body: text }),
      // Left out when empty, so the API's answer is "an e-mail needs a subject".
      ...(asksSubject && subject.trim() ? { subject } : {}),
    });
    if (sent) setOutcome(sent);
    else onDone();
  });

  const fieldError = (field: string) => submit.error?.fieldError(`${fieldPrefix}${field}`);

  if (outcome) {
    return (
      <div class="form composer">
        <SendOutcome message={outcome} />
        <div class="form__actions">
          <Button variant="primary" onClick={onDone} autoFocus>
            {t("done")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      class="form composer"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run();
      }}
    >
      {children}
      <fieldset class="plain-fieldset composer__purpose">
        <legend class="field__label">{t("purpose")}</legend>
        {PURPOSES.map((value) => (
          <label key={value} class="checkbox">
            <input type="radio" name="purpose" value={value} checked={purpose === value} onChange={() => setPurpose(value)} />
            <span>
              {w(`purpose_${value}`)}
              <small class="field__hint">{t(value === "marketing" ? "purposeMarketingHint" : "purposeTransactionalHint")}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {channelTemplates.length > 0 && (
        <SelectField
          label={t("template")}
          name="template"
          value={templateName}
          onValue={(name) => {
            setTemplateName(name);
            const chosen = channelTemplates.find((candidate) => candidate.name === name);
            if (chosen) setPurpose(chosen.purpose);
          }}
          error={fieldError("template")}
          options={[{ value: "", label: t("freeText") }, ...channelTemplates.map((candidate) => ({ value: candidate.name, label: candidate.name }))]}
        />
      )}
      {asksSubject && (
        <TextField label={t("subject")} name="subject" dir="auto" value={subject} onValue={setSubject} error={fieldError("subject")} required autoComplete="off" />
      )}
      {template ? (
        <>
          <SelectField
            label={t("templateLanguage")}
            name="locale"
            value={locale}
            onValue={(value) => setLocale(value === "en" ? "en" : "fa")}
            options={[
              { value: "fa", label: "فارسی" },
              { value: "en", label: "English" },
            ]}
          />
          <figure class="composer__template">
            <figcaption class="field__label">{t("templateText")}</figcaption>
            <blockquote lang={locale} dir={locale === "fa" ? "rtl" : "ltr"} aria-describedby={channel === "sms" ? meterId : undefined}>
              {live.preview?.text ?? template.text[locale]}
            </blockquote>
            <p class="field__hint">{t("templateTextHint")}</p>
          </figure>
          {channel === "sms" && <SmsMeter id={meterId} live={live} />}
        </>
      ) : (
        <TextArea
          label={t(channel === "sms" ? "text" : "emailText")}
          name="body"
          dir="auto"
          value={text}
          onValue={setText}
          rows={5}
          {...(channel === "sms" ? { describedBy: meterId } : {})}
          error={fieldError("body")}
          required
        />
      )}
      {!template && channel === "sms" && <SmsMeter id={meterId} live={live} />}
      <ErrorNotice error={unmatchedProblem(submit.error, [`${fieldPrefix}body`, `${fieldPrefix}template`, `${fieldPrefix}subject`])} />
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={submit.busy}>
          {t("send")}
        </Button>
        <Button onClick={onCancel}>{common("cancel")}</Button>
      </div>
    </form>
  );
}
