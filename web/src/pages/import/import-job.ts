// An import job as POST /api/import/{kind} and GET /api/import/jobs/{id} give it
// (worker/core/import/import.routes.ts), and following one until it is finished.
import { useEffect, useState } from "preact/hooks";
import { ApiError, api } from "../../api/client";

export interface RowProblem {
  path: string;
  column: string | null;
  code: string;
  message: string;
}

export interface RowReport {
  row: number;
  outcome: "accepted" | "merged" | "unchanged" | "rejected";
  recordId: string | null;
  changed?: string[];
  errors?: RowProblem[];
}

export interface ImportJob {
  id: string;
  kind: "customers" | "orders";
  status: "queued" | "running" | "done" | "failed";
  dryRun: boolean;
  totalRows: number;
  rowsDone: number;
  totals: { accepted: number; merged: number; unchanged: number; rejected: number };
  error: string | null;
  rows: { items: RowReport[]; nextCursor: string | null };
}

export const isFinished = (job: ImportJob) => job.status === "done" || job.status === "failed";

const POLL_MS = 1000;

/**
 * The job as it is now: a queued or running job is read again every second (the report's rows
 * left out: one is enough) until it is done or failed.
 */
export function useFollowedJob(started: ImportJob | null) {
  const [job, setJob] = useState<ImportJob | null>(started);
  const [error, setError] = useState<ApiError>();
  useEffect(() => setJob(started), [started]);
  const id = job?.id;
  const finished = !job || isFinished(job);
  useEffect(() => {
    if (!id || finished) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await api.get<ImportJob>(`/api/import/jobs/${encodeURIComponent(id)}`, { limit: 1 });
        if (!live) return;
        setError(undefined);
        setJob(next);
        if (!isFinished(next)) timer = setTimeout(poll, POLL_MS);
      } catch (caught) {
        if (!live) return;
        // A dropped connection is not the end of the job: say so and keep asking.
        setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) }));
        timer = setTimeout(poll, POLL_MS * 3);
      }
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, finished]);
  return { job, error };
}
