// Helpers for the NPS tests (imported by *.test.ts only): a workspace with the plugin on, customers
// with consent, a survey sent through the outbox, and the answer link's token as the customer got it.
import { expect, vi } from "vitest";
import { createPluginTestbed } from "../../worker/plugin-api/testing";
import { npsPlugin } from "./index";

export type Bed = Awaited<ReturnType<typeof createPluginTestbed>>;

let phone = 0;
export const nextMobile = () => `0913${String(1_000_000 + ++phone * 7919).slice(-7)}`;

export function npsBed(settings: Record<string, unknown> = {}, plugins: Parameters<typeof createPluginTestbed>[0]["plugins"] = [npsPlugin]) {
  return createPluginTestbed({ plugins, settings: { nps: settings } });
}

/** Moves the clock (Date only) to an instant; the Worker in the test shares it. */
export function at(iso: string | number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(typeof iso === "number" ? iso : Date.parse(iso));
}

export async function newCustomer(bed: Bed, fields: Record<string, unknown> = {}): Promise<string> {
  const response = await bed.owner.post("/api/customers", { firstName: "Sara", mobile: nextMobile(), consent: { sms: "granted" }, ...fields });
  expect(response.status, response.text).toBe(201);
  return response.body.id;
}

export async function newSurvey(bed: Bed, fields: Record<string, unknown> = {}): Promise<string> {
  const response = await bed.owner.post("/api/plugins/nps/surveys", { name: "After delivery", ...fields });
  expect(response.status, response.text).toBe(201);
  return response.body.id;
}

/** Sends a survey now to everyone with consent (or a segment), its chunks run through the jobs queue; the campaign as the API answered it. */
export async function sendNow(bed: Bed, surveyId: string, body: Record<string, unknown> = {}) {
  const response = await bed.owner.post(`/api/plugins/nps/surveys/${surveyId}/send`, body);
  expect(response.status, response.text).toBe(202);
  await bed.runJobs();
  return response.body;
}

export const pagePath = (bed: Bed, token: string, score?: number) => `/p/nps/${bed.workspaceId}/a/${token}${score === undefined ? "" : `/${score}`}`;

export async function results(bed: Bed, query = "") {
  const response = await bed.owner.get(`/api/plugins/nps/results${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}
