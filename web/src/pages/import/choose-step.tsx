// Step one: what the file holds (customers or orders), the file itself, and the header a file of
// that kind usually has, with a sample to download.
import { useId, useState } from "preact/hooks";
import { Button } from "../../components/button";
import { useFormat } from "../../i18n/format";
import { useLanguage, useMessages } from "../../i18n/i18n";
import { readCsvFile, downloadText, type CsvFile } from "./csv-file";
import { SAMPLE_CSV, type ImportKind } from "./import-fields";
import { importMessages } from "./import.messages";

interface ChooseStepProps {
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  file: CsvFile | null;
  onFile: (file: CsvFile | null) => void;
  onNext: () => void;
}

export function ChooseStep({ kind, onKind, file, onFile, onNext }: ChooseStepProps) {
  const t = useMessages(importMessages);
  const { language } = useLanguage();
  const f = useFormat();
  const id = useId();
  const [problem, setProblem] = useState<string>();
  const [reading, setReading] = useState(false);
  const sample = SAMPLE_CSV[kind][language];

  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    setProblem(undefined);
    onFile(null);
    if (!chosen) return;
    setReading(true);
    const result = await readCsvFile(chosen);
    setReading(false);
    if ("code" in result) {
      setProblem(result.code === "malformed" ? t("fileMalformed", { row: result.row }) : t(result.code === "empty" ? "fileEmpty" : "fileUnreadable"));
      input.value = "";
    } else if (result.rows.length === 0) {
      setProblem(t("fileNoRows"));
      input.value = "";
    } else onFile(result);
  };

  return (
    <div class="stack">
      <fieldset class="import-kinds">
        <legend class="field__label">{t("kind")}</legend>
        {(["customers", "orders"] as const).map((option) => (
          <label key={option} class={option === kind ? "import-kind import-kind--chosen" : "import-kind"}>
            <input type="radio" name="import-kind" value={option} checked={option === kind} onChange={() => onKind(option)} />
            <span>
              <strong>{t(option)}</strong>
              <small class="field__hint">{t(option === "customers" ? "customersHint" : "ordersHint")}</small>
            </span>
          </label>
        ))}
      </fieldset>

      <div class={problem ? "field field--invalid" : "field"}>
        <label for={`${id}-file`} class="field__label">
          {t("file")}
        </label>
        {/* The browser's own button speaks the browser's language ("Choose File"); this one the
            reader's. The input stays the focusable, labelled control, shown through the button. */}
        <div class="file-picker">
          <input
            id={`${id}-file`}
            type="file"
            class="file-picker__input visually-hidden"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ""}`}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => void choose(event.target as HTMLInputElement)}
          />
          <label for={`${id}-file`} class="button file-picker__button" aria-hidden="true">
            {t("chooseFile")}
          </label>
          <span class="muted file-picker__name" aria-hidden="true">
            {file ? file.name : t("noFileChosen")}
          </span>
        </div>
        <p id={`${id}-hint`} class="field__hint">
          {t("fileHint")}
        </p>
        {problem && (
          <p id={`${id}-problem`} class="field__error" role="alert">
            {problem}
          </p>
        )}
        {file && (
          <p class="import-file__summary" role="status">
            {t("fileRead", { name: file.name, rows: f.number(file.rows.length), columns: f.number(file.header.length) })}
          </p>
        )}
      </div>

      <section class="notice notice--muted import-sample" aria-labelledby={`${id}-sample`}>
        <h3 id={`${id}-sample`}>{t("sampleTitle")}</h3>
        <p>{t("sampleText")}</p>
        <pre class="import-sample__header" dir="auto">
          <code>{sample.split("\n")[0]}</code>
        </pre>
        <Button small onClick={() => downloadText(`sample-${kind}.csv`, sample)}>
          {t("sampleDownload")}
        </Button>
      </section>

      <div class="form__actions">
        <Button variant="primary" disabled={!file || reading} busy={reading} onClick={onNext}>
          {t("next")}
        </Button>
      </div>
    </div>
  );
}
