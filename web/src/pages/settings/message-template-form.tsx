// Creating or editing a message template: name, channel, purpose and the text in Persian and in
// English, each with buttons that put a placeholder where the caret is and its live SMS parts and
// cost. An unknown placeholder is refused by the API and its error shown under that language's text.
import { useRef, useState } from "preact/hooks";
import { api } from "../../api/client";
import { useAction } from "../../api/use-action";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { SelectField, TextArea, TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { PLACEHOLDERS } from "../../messaging/placeholders";
import { PURPOSES, type MessageChannel, type MessagePurpose, type MessageTemplate } from "../../messaging/message-types";
import { SmsMeter } from "../../messaging/sms-meter";
import { useSmsPreview } from "../../messaging/use-sms-preview";
import { customerWords } from "../customers/customer-words.messages";
import { unmatchedProblem } from "../customers/field-errors";
import { templatesMessages } from "./message-templates.messages";

export function MessageTemplateForm({ template, onSaved, onCancel }: { template: MessageTemplate | null; onSaved: (template: MessageTemplate) => void; onCancel: () => void }) {
  const t = useMessages(templatesMessages);
  const w = useMessages(customerWords);
  const common = useMessages(commonMessages);
  const toast = useToast();
  const [name, setName] = useState(template?.name ?? "");
  const [channel, setChannel] = useState<MessageChannel>(template?.channel ?? "sms");
  const [purpose, setPurpose] = useState<MessagePurpose>(template?.purpose ?? "transactional");
  const [fa, setFa] = useState(template?.text.fa ?? "");
  const [en, setEn] = useState(template?.text.en ?? "");
  const [providerTemplate, setProviderTemplate] = useState(template?.providerTemplate ?? "");
  const save = useAction(async () => {
    const body = { name: name.trim(), channel, purpose, text: { fa, en }, providerTemplate: providerTemplate.trim() || null };
    const answer = template
      ? await api.patch<MessageTemplate>(`/api/messaging/templates/${encodeURIComponent(template.id)}`, body)
      : await api.post<MessageTemplate>("/api/messaging/templates", body);
    toast(t("saved"));
    onSaved(answer);
  });
  return (
    <form
      class="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <TextField label={t("name")} name="name" dir="ltr" value={name} onValue={setName} hint={t("nameHint")} error={save.error?.fieldError("name")} required />
      <div class="form__row">
        <SelectField
          label={t("channel")}
          name="channel"
          value={channel}
          onValue={(value) => setChannel(value === "email" ? "email" : "sms")}
          error={save.error?.fieldError("channel")}
          options={(["sms", "email"] as const).map((value) => ({ value, label: w(`channel_${value}`) }))}
        />
        <SelectField
          label={t("purpose")}
          name="purpose"
          value={purpose}
          onValue={(value) => setPurpose(value === "marketing" ? "marketing" : "transactional")}
          error={save.error?.fieldError("purpose")}
          options={PURPOSES.map((value) => ({ value, label: w(`purpose_${value}`) }))}
        />
      </div>
      <TemplateText language="fa" channel={channel} value={fa} onValue={setFa} error={save.error?.fieldError("text.fa")} />
      <TemplateText language="en" channel={channel} value={en} onValue={setEn} error={save.error?.fieldError("text.en")} />
      {channel === "sms" && (
        <TextField
          label={t("providerTemplate")}
          name="providerTemplate"
          dir="ltr"
          value={providerTemplate}
          onValue={setProviderTemplate}
          hint={t("providerTemplateHint")}
          error={save.error?.fieldError("providerTemplate")}
        />
      )}
      <ErrorNotice error={unmatchedProblem(save.error, ["name", "channel", "purpose", "text.fa", "text.en", "providerTemplate"])} />
      <div class="form__actions">
        <Button type="submit" variant="primary" busy={save.busy}>
          {common("save")}
        </Button>
        <Button onClick={onCancel}>{common("cancel")}</Button>
      </div>
    </form>
  );
}

/** One language's text, its placeholder buttons and (for SMS) its live parts and cost. */
function TemplateText({ language, channel, value, onValue, error }: { language: "fa" | "en"; channel: MessageChannel; value: string; onValue: (value: string) => void; error: string | undefined }) {
  const t = useMessages(templatesMessages);
  const box = useRef<HTMLDivElement>(null);
  const meterId = `template-meter-${language}`;
  const live = useSmsPreview({ channel, body: value, template: null, locale: language, recipients: 1 });
  const insert = (placeholder: string) => {
    const area = box.current?.querySelector("textarea");
    const start = area?.selectionStart ?? value.length;
    const end = area?.selectionEnd ?? value.length;
    const token = `{${placeholder}}`;
    onValue(value.slice(0, start) + token + value.slice(end));
    // Back to the text, the caret after what was put in.
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  return (
    <div class="template-text-field" ref={box}>
      <TextArea
        label={t(language === "fa" ? "textFa" : "textEn")}
        name={`text.${language}`}
        lang={language}
        dir={language === "fa" ? "rtl" : "ltr"}
        rows={4}
        value={value}
        onValue={onValue}
        describedBy={channel === "sms" ? meterId : undefined}
        error={error}
      />
      <div class="placeholder-buttons" role="group" aria-label={t(language === "fa" ? "insertFa" : "insertEn")}>
        {PLACEHOLDERS.map((placeholder) => (
          <Button key={placeholder} small onClick={() => insert(placeholder)}>
            <span dir="ltr">{`{${placeholder}}`}</span>
          </Button>
        ))}
      </div>
      {channel === "sms" && <SmsMeter id={meterId} live={live} />}
    </div>
  );
}
