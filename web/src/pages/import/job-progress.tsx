// A running job's progress: a bar and the rows processed so far, announced as it moves.
import { useFormat } from "../../i18n/format";
import { useMessages } from "../../i18n/i18n";
import type { ImportJob } from "./import-job";
import { importMessages } from "./import.messages";

export function JobProgress({ job, label }: { job: ImportJob | null; label: string }) {
  const t = useMessages(importMessages);
  const f = useFormat();
  const done = job?.rowsDone ?? 0;
  const total = job?.totalRows ?? 0;
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div class="stack import-progress">
      {/* A live region: the rows processed so far are read out as they change. */}
      <div class="row" role="status">
        <span class="spinner" aria-hidden="true" />
        <strong>{label}</strong>
        <span class="spacer" />
        {job && <span class="muted small">{t("progress", { done: f.number(done), total: f.number(total) })}</span>}
      </div>
      <div
        class="progress"
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={done}
        aria-valuetext={job ? t("progress", { done: f.number(done), total: f.number(total) }) : undefined}
      >
        <div class="progress__fill import-progress__fill" style={{ inlineSize: `${ratio * 100}%` }} />
      </div>
      {job && job.totals.rejected + job.totals.accepted + job.totals.merged + job.totals.unchanged > 0 && <JobTotals job={job} compact />}
    </div>
  );
}

/** The four outcomes of a job's rows. */
export function JobTotals({ job, compact = false }: { job: ImportJob; compact?: boolean }) {
  const t = useMessages(importMessages);
  const f = useFormat();
  const outcomes = [
    { key: "accepted", hint: "acceptedHint", tone: "success" },
    { key: "merged", hint: "mergedHint", tone: "primary" },
    { key: "unchanged", hint: "unchangedHint", tone: "muted" },
    { key: "rejected", hint: "rejectedHint", tone: "danger" },
  ] as const;
  return (
    <dl class={compact ? "import-totals import-totals--compact" : "import-totals"}>
      {outcomes.map((outcome) => (
        <div key={outcome.key} class={`import-totals__item import-totals__item--${outcome.tone}`}>
          <dt>{t(outcome.key)}</dt>
          <dd>
            <span class="import-totals__value">{f.number(job.totals[outcome.key])}</span>
            {!compact && <span class="muted small">{t(outcome.hint)}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
