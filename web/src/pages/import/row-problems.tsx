// The rows a job rejected, each with its row number, the column (and field) and the reason in
// the reader's language, page by page; and all of them as a CSV holding the file's own cells, so
// the rows can be fixed in a spreadsheet and imported again.
import { useEffect, useState } from "preact/hooks";
import { ApiError, api } from "../../api/client";
import { Button } from "../../components/button";
import { ErrorNotice, Loading } from "../../components/states";
import { TableScroll } from "../../components/table-scroll";
import { useFormat } from "../../i18n/format";
import { pickText, useLanguage, useMessages } from "../../i18n/i18n";
import { downloadCsv, type CsvFile } from "./csv-file";
import { IMPORT_FIELDS, type ImportKind } from "./import-fields";
import type { ImportJob, RowReport } from "./import-job";
import { importMessages } from "./import.messages";

const PAGE = 50;
const DOWNLOAD_PAGE = 200;

const rejectedPage = (jobId: string, limit: number, cursor?: string) =>
  api.get<ImportJob>(`/api/import/jobs/${encodeURIComponent(jobId)}`, { outcome: "rejected", limit, cursor });

export function RowProblems({ job, kind, file }: { job: ImportJob; kind: ImportKind; file: CsvFile }) {
  const t = useMessages(importMessages);
  const { language } = useLanguage();
  const f = useFormat();
  const [rows, setRows] = useState<RowReport[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const load = async (after?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const page = await rejectedPage(job.id, PAGE, after);
      setRows((current) => [...(after ? (current ?? []) : []), ...page.rows.items]);
      setCursor(page.rows.nextCursor);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void load();
  }, [job.id]);

  const fieldLabel = (path: string) => {
    const key = path.startsWith("consent.") ? `consent${path[8]!.toUpperCase()}${path.slice(9)}` : path.split(".")[0]!;
    const field = IMPORT_FIELDS[kind].find((candidate) => candidate.key === key);
    return field ? pickText(field.label, language) : path === "row" ? "" : path;
  };
  /** The file's column, and the field it fed when that says more ("tel · Mobile", not "Mobile · Mobile"). */
  const describeParts = (problem: NonNullable<RowReport["errors"]>[number]) => [...new Set([problem.column, fieldLabel(problem.path)].filter((part): part is string => Boolean(part)))];
  const describe = (problem: NonNullable<RowReport["errors"]>[number]) => describeParts(problem).join(" · ");

  /** Every rejected row, its problems, then the file's cells for it. */
  const download = async () => {
    setDownloading(true);
    setError(undefined);
    try {
      const all: RowReport[] = [];
      let after: string | undefined;
      do {
        const page = await rejectedPage(job.id, DOWNLOAD_PAGE, after);
        all.push(...page.rows.items);
        after = page.rows.nextCursor ?? undefined;
      } while (after);
      const problemText = (report: RowReport) => (report.errors ?? []).map((problem) => [describe(problem), problem.message].filter(Boolean).join(": ")).join(" | ");
      downloadCsv(t("problemsFile"), [[t("problemsFileRow"), t("problemsFileProblem"), ...file.header], ...all.map((report) => [String(report.row), problemText(report), ...(file.rows[report.row - 1] ?? [])])]);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));
    } finally {
      setDownloading(false);
    }
  };

  if (job.totals.rejected === 0) return null;
  return (
    <section class="stack import-row-problems" aria-labelledby="import-problems-title">
      <div class="row">
        <h3 id="import-problems-title">{t("problemsTitle")}</h3>
        <span class="badge badge--danger">{f.number(job.totals.rejected)}</span>
        <span class="spacer" />
        <Button small busy={downloading} onClick={() => void download()}>
          {t("downloadProblems")}
        </Button>
      </div>
      <p class="muted small">{t("problemsHint")}</p>
      {error && <ErrorNotice error={error} onRetry={() => void load(cursor ?? undefined)} />}
      {!rows ? (
        !error && <Loading />
      ) : (
        <TableScroll label={t("problemsTitle")}>
          <table class="table import-row-problems__table">
            <caption class="visually-hidden">{t("problemsTitle")}</caption>
            <thead>
              <tr>
                <th scope="col" class="numeric">
                  {t("row")}
                </th>
                <th scope="col">{t("field")}</th>
                <th scope="col">{t("problem")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.flatMap((report) =>
                (report.errors?.length ? report.errors : [{ path: "row", column: null, code: "", message: "—" }]).map((problem, index) => (
                  <tr key={`${report.row}-${index}`}>
                    {index === 0 && (
                      <th scope="row" class="numeric" rowSpan={report.errors?.length || 1}>
                        {f.number(report.row, { useGrouping: false })}
                      </th>
                    )}
                    <td>
                      {/* Each name isolated: a Persian column beside an English field label keeps its order. */}
                      {describeParts(problem).map((part, partIndex) => (
                        <span key={partIndex}>
                          {partIndex > 0 && " · "}
                          <bdi>{part}</bdi>
                        </span>
                      ))}
                      {describeParts(problem).length === 0 && "—"}
                    </td>
                    <td>{problem.message}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
      {cursor && (
        <div>
          <Button small busy={busy} onClick={() => void load(cursor)}>
            {t("moreProblems")}
          </Button>
        </div>
      )}
    </section>
  );
}
