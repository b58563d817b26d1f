// Choosing the customer a task is about: search by a word of the name or any identifier
// (GET /api/customers?q=), then pick one of the few matches; the choice can be removed.
import { useEffect, useId, useState } from "preact/hooks";
import { api, type Page } from "../../api/client";
import { Button } from "../../components/button";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { rememberCustomerName } from "./customer-names";
import { tasksMessages } from "./tasks.messages";
import { EmbeddedText } from "../../components/embedded-text";

export interface ChosenCustomer {
  id: string;
  name: string;
}

interface Match {
  id: string;
  displayName: string;
  code: string;
  cid: string | null;
}

export function CustomerPicker({ value, onChange, error }: { value: ChosenCustomer | null; onChange: (customer: ChosenCustomer | null) => void; error?: string | undefined }) {
  const t = useMessages(tasksMessages);
  const format = useFormat();
  const id = useId();
  const [text, setText] = useState("");
  const [matches, setMatches] = useState<Match[] | undefined>();

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setMatches(undefined);
      return;
    }
    let live = true;
    // Wait for a pause in typing, so a name typed quickly is one search.
    const timer = setTimeout(() => {
      void api.get<Page<Match>>("/api/customers", { q, limit: 6 }).then(
        (page) => live && setMatches(page.items),
        () => live && setMatches([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  if (value) {
    return (
      <div class="field">
        <span class="field__label" id={`${id}-label`}>
          {t("customerOptional")}
        </span>
        <div class="row customer-picker__chosen" aria-labelledby={`${id}-label`}>
          <span>{t("customerChosen", { name: value.name })}</span>
          <Button small variant="ghost" onClick={() => onChange(null)}>
            {t("customerClear")}
          </Button>
        </div>
        {error && (
          <p class="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }

  return (
    <div class={error ? "field field--invalid" : "field"}>
      <label for={`${id}-search`} class="field__label">
        {t("customerOptional")}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        class="input"
        value={text}
        placeholder={t("customerSearch")}
        autoComplete="off"
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        onInput={(event) => setText((event.target as HTMLInputElement).value)}
      />
      {matches && (
        <div role="region" aria-live="polite" aria-label={t("customerResults")}>
          {matches.length === 0 ? (
            <p class="muted small">{t("customerNone")}</p>
          ) : (
            <ul class="customer-picker__matches">
              {matches.map((match) => (
                <li key={match.id}>
                  <button
                    type="button"
                    class="customer-picker__match"
                    aria-label={t("customerChoose", { name: match.displayName })}
                    onClick={() => {
                      rememberCustomerName(match.id, match.displayName);
                      onChange({ id: match.id, name: match.displayName });
                      setText("");
                    }}
                  >
                    <EmbeddedText>{match.displayName}</EmbeddedText>
                    <span class="muted small ltr">{format.digits(match.cid ?? match.code)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
