// A secret, key or one-time link the API shows once: read-only, selectable, with a Copy button
// and a warning that it will not be shown again.
import type { ComponentChildren } from "preact";
import { useId, useRef } from "preact/hooks";
import { Button } from "../../components/button";
import { commonMessages } from "../../components/common.messages";
import { Notice } from "../../components/states";
import { useToast } from "../../components/toast";
import { useMessages } from "../../i18n/i18n";
import { settingsMessages } from "./settings.messages";

export function CopyField({ label, value }: { label: ComponentChildren; value: string }) {
  const common = useMessages(commonMessages);
  const t = useMessages(settingsMessages);
  const toast = useToast();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast(common("copied"));
    } catch {
      // No clipboard (an insecure origin, a refused permission): leave the text selected instead.
      input.current?.select();
      toast(t("copyFailed"), "info");
    }
  };
  return (
    <div class="field">
      <label for={id} class="field__label">
        {label}
      </label>
      <div class="copy-field">
        <input ref={input} id={id} class="input code" value={value} readOnly dir="ltr" onFocus={(event) => (event.target as HTMLInputElement).select()} />
        <Button onClick={() => void copy()}>{common("copy")}</Button>
      </div>
    </div>
  );
}

/** A secret shown once: the copy field, then why it must be copied now. */
export function SecretBox({ label, value, warning, onDone }: { label: ComponentChildren; value: string; warning?: ComponentChildren; onDone?: () => void }) {
  const t = useMessages(settingsMessages);
  return (
    <div class="secret-box" role="group" aria-label={typeof label === "string" ? label : undefined}>
      <CopyField label={label} value={value} />
      <Notice tone="warning">{warning ?? t("showOnce")}</Notice>
      {onDone && (
        <div class="form__actions">
          <Button onClick={onDone}>{t("done")}</Button>
        </div>
      )}
    </div>
  );
}
