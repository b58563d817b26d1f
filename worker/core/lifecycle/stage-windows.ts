// When time alone moves a buying customer's lifecycle stage. The workspace sets the lapsed window
// (lapsedDays, default 180); a customer is at risk once two thirds of it have passed without an
// order (120 of 180 days; rounded down, and at least one day).
//
//   new / active / won_back / at_risk  ──(last order ≥ lapsedDays old)──▶ lapsed
//   new / active / won_back            ──(last order ≥ atRiskDays old)──▶ at_risk
//
// "Old" is measured in whole 24-hour days from the last order to the moment the daily job runs.
// Prospects (no order) and lapsed customers are never moved by time; an order moves them
// (recordOrder), e.g. lapsed → won_back.
import type { LifecycleStage } from "../customers/customers.schema";

export const DAY_MS = 86_400_000;

export const AGING_STAGES = ["new", "active", "won_back", "at_risk"] as const satisfies readonly LifecycleStage[];

export function atRiskDays(lapsedDays: number): number {
  return Math.max(1, Math.floor((lapsedDays * 2) / 3));
}

/** A customer whose last order is at or before a cutoff has reached that stage. */
export function stageCutoffs(at: number, lapsedDays: number): { atRisk: number; lapsed: number } {
  return { atRisk: at - atRiskDays(lapsedDays) * DAY_MS, lapsed: at - lapsedDays * DAY_MS };
}
