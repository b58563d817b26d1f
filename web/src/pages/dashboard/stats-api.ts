// What GET /api/stats/overview and GET /api/stats/daily answer (worker/core/stats/stats.routes.ts).
export const LIFECYCLE_STAGES = ["prospect", "new", "active", "won_back", "at_risk", "lapsed"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export interface StatsPeriod {
  from: string;
  to: string;
  timeZone: string;
}

export interface Overview {
  period: StatsPeriod;
  currency: string;
  customers: { total: number; newInPeriod: number; active: number; atRisk: number; lapsed: number; byStage: Record<LifecycleStage, number> };
  /** Ratios 0–1, null when there is nothing to divide by. */
  churnRate: number | null;
  /** Who could lapse in the period: the retained base at its start and those who joined it. */
  churnBase: number;
  repeatPurchaseRate: number | null;
  orders: number;
  /** Minor units of the workspace currency. */
  revenue: number;
  refunds: number;
  /** Customers with a paid order placed in the period, and those of them who have bought twice or more. */
  buyers: number;
  repeatBuyers: number;
  averageOrderValue: number | null;
  revenuePerCustomer: number | null;
  ordersPerBuyer: number | null;
  wonBack: number;
  becameLapsed: number;
}

export interface DayFigures {
  day: string;
  newCustomers: number;
  orders: number;
  revenue: number;
  refunds: number;
}

export interface Daily {
  period: StatsPeriod;
  currency: string;
  days: DayFigures[];
}
