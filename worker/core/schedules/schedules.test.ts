import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { createPluginTestbed } from "../../../test/support/plugin-harness";
import { scheduleCalls, stampsPlugin } from "../../../test/support/test-plugins";
import { signUp } from "../../../test/support/client";

const callsOf = (workspaceId: string, job: string) => scheduleCalls.filter((call) => call.workspaceId === workspaceId && call.job === job).length;

beforeEach(() => {
  scheduleCalls.length = 0;
});

describe("plugin schedules", () => {
  it("runs an hourly job once per hour for each workspace that has the plugin enabled", async () => {
    const enabled = await createPluginTestbed({ plugins: [stampsPlugin] });
    const disabled = await signUp({ worker: enabled.worker });
    await enabled.tick(new Date("2026-11-26T10:05:00Z"));
    await enabled.tick(new Date("2026-11-26T10:35:00Z"));
    await enabled.tick(new Date("2026-11-26T11:01:00Z"));
    expect(callsOf(enabled.workspaceId, "hourly-stamp")).toBe(2);
    expect(callsOf(disabled.workspaceId, "hourly-stamp")).toBe(0);
  });

  it("runs a daily job at its local time in the workspace's time zone", async () => {
    const bed = await createPluginTestbed({ plugins: [stampsPlugin] });
    // 09:00 in Tehran (UTC+03:30) is 05:30 UTC.
    await bed.tick(new Date("2026-11-26T05:20:00Z"));
    expect(callsOf(bed.workspaceId, "morning-stamp")).toBe(0);
    await bed.tick(new Date("2026-11-26T05:31:00Z"));
    await bed.tick(new Date("2026-11-26T12:00:00Z"));
    expect(callsOf(bed.workspaceId, "morning-stamp")).toBe(1);
    await bed.tick(new Date("2026-11-27T05:45:00Z"));
    expect(callsOf(bed.workspaceId, "morning-stamp")).toBe(2);
  });

  it("records a failing workspace's run and still runs the others", async () => {
    const failing = await createPluginTestbed({ plugins: [stampsPlugin], settings: { stamps: { failSchedule: true } } });
    const healthy = await signUp({ worker: failing.worker });
    expect((await healthy.owner.patch("/api/plugins/stamps", { enabled: true })).status).toBe(200);
    await failing.tick(new Date("2026-11-26T10:05:00Z"));
    expect(callsOf(healthy.workspaceId, "hourly-stamp")).toBe(1);
    const runs = await env.DB.prepare("select workspace_id, last_status, last_error from schedule_runs where job_id = 'hourly-stamp' order by last_status")
      .all<{ workspace_id: string; last_status: string; last_error: string | null }>();
    expect(runs.results).toEqual(
      expect.arrayContaining([
        { workspace_id: failing.workspaceId, last_status: "failed", last_error: "this workspace's schedule fails" },
        { workspace_id: healthy.workspaceId, last_status: "ok", last_error: null },
      ]),
    );
  });
});
