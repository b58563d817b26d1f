// Step two: each CSV column matched to a field (proposed from the header words, changeable), the
// required fields checked before anything is sent, and for orders the file's source.
import { useId } from "preact/hooks";
import type { ApiError } from "../../api/client";
import { Button } from "../../components/button";
import { TextField } from "../../components/field";
import { ErrorNotice } from "../../components/states";
import { pickText, useLanguage, useMessages } from "../../i18n/i18n";
import type { CsvFile } from "./csv-file";
import { IMPORT_FIELDS, type ImportKind } from "./import-fields";
import { importMessages } from "./import.messages";

export const SOURCE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

interface MappingStepProps {
  kind: ImportKind;
  file: CsvFile;
  mapping: Record<string, string>;
  onMapping: (mapping: Record<string, string>) => void;
  required: string[];
  source: string;
  onSource: (source: string) => void;
  busy: boolean;
  error: ApiError | undefined;
  onBack: () => void;
  onCheck: () => void;
}

/** What keeps the mapping from being sent: missing required fields, a field on two columns. */
export function mappingProblems(kind: ImportKind, mapping: Record<string, string>, required: string[], language: "fa" | "en", t: (key: "required" | "duplicate", params: Record<string, string>) => string): string[] {
  const labelOf = (key: string) => pickText(IMPORT_FIELDS[kind].find((field) => field.key === key)?.label ?? key, language);
  const chosen = Object.values(mapping);
  const problems: string[] = [];
  const missing = required.filter((key) => !chosen.includes(key));
  if (missing.length) problems.push(t("required", { fields: missing.map(labelOf).join(language === "fa" ? "، " : ", ") }));
  for (const key of new Set(chosen)) if (chosen.filter((value) => value === key).length > 1) problems.push(t("duplicate", { field: labelOf(key) }));
  return problems;
}

export function MappingStep({ kind, file, mapping, onMapping, required, source, onSource, busy, error, onBack, onCheck }: MappingStepProps) {
  const t = useMessages(importMessages);
  const { language } = useLanguage();
  const id = useId();
  const fields = IMPORT_FIELDS[kind];
  const problems = mappingProblems(kind, mapping, required, language, t);
  const sourceInvalid = kind === "orders" && !SOURCE_PATTERN.test(source);
  const firstRow = file.rows[0] ?? [];

  const setField = (column: string, field: string) => {
    const next = { ...mapping };
    if (field) next[column] = field;
    else delete next[column];
    onMapping(next);
  };

  return (
    <div class="stack">
      <div>
        <p class="import-lead">{t("mapTitle")}</p>
        <p class="muted small">{t("mapHint")}</p>
      </div>
      <ul class="import-mapping">
        {file.header.map((column, index) => {
          const selectId = `${id}-column-${index}`;
          return (
            <li key={`${index}-${column}`} class={mapping[column] ? "import-mapping__column import-mapping__column--mapped" : "import-mapping__column"}>
              <div class="import-mapping__source">
                <span class="import-mapping__name" dir="auto">
                  {column || "—"}
                </span>
                <span class="muted small import-mapping__sample" dir="auto" title={t("sample")}>
                  {firstRow[index] || "—"}
                </span>
              </div>
              <label class="visually-hidden" for={selectId}>
                {t("fieldFor", { column })}
              </label>
              <select id={selectId} class="input import-mapping__field" value={mapping[column] ?? ""} disabled={!column} onChange={(event) => setField(column, (event.target as HTMLSelectElement).value)}>
                <option value="">{t("ignore")}</option>
                {fields.map((field) => (
                  <option key={field.key} value={field.key}>
                    {pickText(field.label, language)}
                    {required.includes(field.key) ? " *" : ""}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      {kind === "orders" && (
        <TextField label={t("source")} value={source} onValue={onSource} hint={t("sourceHint")} error={sourceInvalid ? t("sourceInvalid") : error?.fieldError("source")} dir="ltr" name="source" required />
      )}
      {problems.length > 0 && (
        <div class="notice notice--warning" role="status">
          <ul class="import-problems-list">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <div>
          <ErrorNotice error={error} />
          {error.problem.errors && error.problem.errors.length > 0 && (
            <ul class="field__error import-problems-list">
              {error.problem.errors.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p class="muted small">{t("checkHint")}</p>
      <div class="form__actions">
        <Button variant="primary" busy={busy} disabled={problems.length > 0 || sourceInvalid} onClick={onCheck}>
          {t("check")}
        </Button>
        <Button onClick={onBack} disabled={busy}>
          {t("back")}
        </Button>
      </div>
    </div>
  );
}
