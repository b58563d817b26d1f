// The customers list's export: a CSV or an Excel workbook of what the list shows (its filters and
// sort, or its saved segment), written in the UI's language (Persian headers and Jalali days in fa).
import { withQuery, type Query } from "../../api/client";
import { useLanguage, useMessages } from "../../i18n/i18n";
import { customersListMessages } from "./customers-list.messages";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function ExportMenu({ shown }: { shown: Query }) {
  const t = useMessages(customersListMessages);
  const { language } = useLanguage();
  return (
    <details class="export-menu">
      <summary class="button button--secondary">{t("export")}</summary>
      <ul class="export-menu__items">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={withQuery(`/api/export/customers.${format}`, { ...shown, lang: language })} download>
              {t(format === "csv" ? "exportCsv" : "exportExcel")}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
