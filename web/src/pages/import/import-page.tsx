// The import wizard: choose customers or orders and a CSV file, match its columns to fields,
// check it (a dry run: every row validated and matched, nothing written), read the report, then
// import for real and follow the progress to the final summary. Files over 200 rows are processed
// in the background; both runs are followed by polling the job.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api } from "../../api/client";
import { Button, ButtonLink } from "../../components/button";
import { Card, PageHeader } from "../../components/card";
import { ErrorNotice, Notice } from "../../components/states";
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import { useSession } from "../../session/session";
import { ChooseStep } from "./choose-step";
import type { CsvFile } from "./csv-file";
import { proposeMapping, requiredFields, type ImportKind } from "./import-fields";
import { isFinished, useFollowedJob, type ImportJob } from "./import-job";
import { importMessages } from "./import.messages";
import { JobProgress, JobTotals } from "./job-progress";
import { MappingStep } from "./mapping-step";
import { RowProblems } from "./row-problems";

type Phase = "choose" | "map" | "check" | "run";
const PHASES: Phase[] = ["choose", "map", "check", "run"];
const PHASE_LABEL = { choose: "stepChoose", map: "stepMap", check: "stepCheck", run: "stepRun" } as const;

export default function ImportPage() {
  const t = useMessages(importMessages);
  const f = useFormat();
  const { me, can } = useSession();
  const [phase, setPhase] = useState<Phase>("choose");
  const [kind, setKind] = useState<ImportKind>("customers");
  const [file, setFile] = useState<CsvFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [source, setSource] = useState("csv");
  const [dryStart, setDryStart] = useState<ImportJob | null>(null);
  const [realStart, setRealStart] = useState<ImportJob | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<ApiError>();
  const dry = useFollowedJob(dryStart);
  const real = useFollowedJob(realStart);
  const heading = useRef<HTMLHeadingElement>(null);
  const required = requiredFields(kind, me?.workspace.cidKind ?? "mobile");

  // Each step starts at its heading, so a screen reader hears where the wizard is.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) firstRender.current = false;
    else heading.current?.focus();
  }, [phase]);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setSending(true);
    setSendError(undefined);
    try {
      const job = await api.post<ImportJob | null>(`/api/import/${kind}`, { csv: file.text, delimiter: file.delimiter, mapping, dryRun, ...(kind === "orders" ? { source } : {}) });
      // A reply cut off on the way reads as no job: without its id there is nothing to follow.
      if (!job || typeof job.id !== "string") throw new ApiError({ status: 0, code: "incomplete", detail: t("answerCutOff") });
      if (dryRun) {
        setDryStart(job);
        setPhase("check");
      } else {
        setRealStart(job);
        setPhase("run");
      }
    } catch (caught) {
      setSendError(caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));
    } finally {
      setSending(false);
    }
  };

  const startOver = () => {
    setFile(null);
    setMapping({});
    setDryStart(null);
    setRealStart(null);
    setSendError(undefined);
    setPhase("choose");
  };

  if (!can("import:run")) {
    return (
      <>
        <PageHeader title={t("title")} />
        <Notice>{t("noAccess")}</Notice>
      </>
    );
  }

  const step = PHASES.indexOf(phase) + 1;
  const dryJob = dry.job;
  const realJob = real.job;
  const writable = dryJob ? dryJob.totalRows - dryJob.totals.rejected : 0;

  return (
    <div class="import-page">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <ol class="wizard-steps" aria-label={t("steps")}>
        {PHASES.map((name, index) => (
          <li key={name} class={index + 1 < step ? "wizard-steps__step wizard-steps__step--done" : "wizard-steps__step"} aria-current={name === phase ? "step" : undefined}>
            <span class="wizard-steps__number" aria-hidden="true">
              {f.number(index + 1)}
            </span>
            <span class="wizard-steps__label">{t(PHASE_LABEL[name])}</span>
          </li>
        ))}
      </ol>
      <Card>
        <h2 ref={heading} tabIndex={-1} class="import-page__step-title">
          <span class="visually-hidden">{t("stepOf", { n: step, total: PHASES.length })}: </span>
          {t(PHASE_LABEL[phase])}
        </h2>

        {phase === "choose" && (
          <ChooseStep
            kind={kind}
            onKind={(next) => {
              setKind(next);
              if (file) setMapping(proposeMapping(next, file.header));
            }}
            file={file}
            onFile={setFile}
            onNext={() => {
              if (!file) return;
              setMapping(proposeMapping(kind, file.header));
              setSendError(undefined);
              setPhase("map");
            }}
          />
        )}

        {phase === "map" && file && (
          <MappingStep
            kind={kind}
            file={file}
            mapping={mapping}
            onMapping={setMapping}
            required={required}
            source={source}
            onSource={setSource}
            busy={sending}
            error={sendError}
            onBack={() => setPhase("choose")}
            onCheck={() => void send(true)}
          />
        )}

        {phase === "check" && file && (
          <div class="stack">
            {dry.error && <Notice tone="warning">{t("stillRunning")}</Notice>}
            {!dryJob || !isFinished(dryJob) ? (
              <JobProgress job={dryJob} label={t("checking")} />
            ) : dryJob.status === "failed" ? (
              <>
                <Notice tone="warning" live>
                  <strong>{t("failedTitle")}</strong>
                  <p>{dryJob.error}</p>
                </Notice>
                <div class="form__actions">
                  <Button onClick={() => setPhase("map")}>{t("back")}</Button>
                </div>
              </>
            ) : (
              <>
                <h3>{t("reportTitle")}</h3>
                <JobTotals job={dryJob} />
                <Notice tone={writable === 0 ? "warning" : dryJob.totals.rejected ? "info" : "success"} live>
                  {writable === 0 ? t("nothingToImport") : dryJob.totals.rejected ? t("willImport", { count: f.number(writable), rejected: f.number(dryJob.totals.rejected) }) : t("allClean")}
                </Notice>
                <RowProblems job={dryJob} kind={kind} file={file} />
                {sendError && <ErrorNotice error={sendError} />}
                {writable > 0 && <p class="muted small">{t("confirmHint")}</p>}
                <div class="form__actions">
                  {writable > 0 && (
                    <Button variant="primary" busy={sending} onClick={() => void send(false)}>
                      {t("confirm", { count: f.number(writable) })}
                    </Button>
                  )}
                  <Button disabled={sending} onClick={() => setPhase("map")}>
                    {t("back")}
                  </Button>
                  <Button variant="ghost" disabled={sending} onClick={startOver}>
                    {t("startOver")}
                  </Button>
                </div>
              </>
            )}
          </div>
        )}

        {phase === "run" && file && (
          <div class="stack">
            {real.error && <Notice tone="warning">{t("stillRunning")}</Notice>}
            {!realJob || !isFinished(realJob) ? (
              <JobProgress job={realJob} label={t("importing")} />
            ) : (
              <>
                {realJob.status === "failed" ? (
                  <Notice tone="warning" live>
                    <strong>{t("failedTitle")}</strong>
                    <p>{realJob.error}</p>
                  </Notice>
                ) : (
                  <Notice tone="success" live>
                    <strong>{t("resultTitle")}</strong>
                    <p>{t("done", { accepted: f.number(realJob.totals.accepted), merged: f.number(realJob.totals.merged), unchanged: f.number(realJob.totals.unchanged), rejected: f.number(realJob.totals.rejected) })}</p>
                  </Notice>
                )}
                <JobTotals job={realJob} />
                <RowProblems job={realJob} kind={kind} file={file} />
                <div class="form__actions">
                  {can("customers:read") && (
                    <ButtonLink href="/customers" variant="primary">
                      {t("viewCustomers")}
                    </ButtonLink>
                  )}
                  <Button onClick={startOver}>{t("another")}</Button>
                </div>
              </>
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
