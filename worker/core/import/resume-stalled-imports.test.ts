import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signUp } from "../../../test/support/client";
import { chunkRows } from "./chunk-rows";
import { chunkMessage } from "./import-message";
import { count, csvOf, driveJob, runChunk } from "./import.test-support";
import { IMPORT_STALLED_AFTER_MS, resumeStalledImports } from "./resume-stalled-imports";

afterEach(() => vi.restoreAllMocks());

describe("resuming a stalled import", () => {
  it("sends the first pending chunk again when the message to run it was lost, and the import finishes once", async () => {
    const { owner, workspaceId } = await signUp();
    const size = chunkRows(env);
    const rows = Array.from({ length: size * 2 + 1 }, (_, i) => [`0912${String(2000000 + i).padStart(7, "0")}`, `Customer ${i}`]);
    const started = await owner.post("/api/import/customers", { csv: csvOf([["mobile", "name"], ...rows]), mapping: { mobile: "mobile", name: "firstName" } });
    expect(started.status).toBe(202);
    const jobId = started.body.id as string;
    // Chunk 0 runs; the message for chunk 1 never arrives.
    expect((await runChunk(workspaceId, jobId, 0)).acked).toBe(true);
    expect(await count("customers", workspaceId)).toBe(size);

    const sent = vi.spyOn(env.JOBS_QUEUE, "send");
    expect(await resumeStalledImports(env, Date.now())).toEqual({ resumed: 0 }); // not stalled yet
    const later = Date.now() + IMPORT_STALLED_AFTER_MS + 1000;
    expect(await resumeStalledImports(env, later)).toEqual({ resumed: 1 });
    expect(sent).toHaveBeenCalledWith(chunkMessage(workspaceId, jobId, 1));
    expect(await resumeStalledImports(env, later + 60_000)).toEqual({ resumed: 0 }); // not every minute

    // The resent chunk runs, then the rest; a late duplicate of chunk 1 changes nothing.
    const progress = await driveJob(owner, workspaceId, jobId);
    expect(progress.at(-1)).toEqual({ status: "done", rowsDone: rows.length });
    expect((await runChunk(workspaceId, jobId, 1)).acked).toBe(true);
    expect(await count("customers", workspaceId)).toBe(rows.length);
    expect(await resumeStalledImports(env, later + 2 * IMPORT_STALLED_AFTER_MS)).toEqual({ resumed: 0 });
  });
});
