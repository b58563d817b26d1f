// What an order adds to the workspace's own figures (revenue, refunds, a customer's total spent):
// its amounts in the workspace's currency. Rial and toman are one money (1 toman = 10 rials), so
// an IRR order in a toman workspace counts ÷ 10 and an IRT order in a rial workspace × 10, in
// integer arithmetic (a rial amount that is not whole toman rounds half up, per order). Shops'
// IRHT / IRHR (thousand toman / thousand rial) are IRT / IRR × 1000 by the time an order is
// stored (webhooks-in/money.ts). Any other currency is not converted at a guessed rate: its
// orders stay out of the workspace's figures and are reported per currency.

/** Rials in one unit of each Iranian currency the CRM stores. */
const RIALS: Record<string, bigint> = { IRR: 1n, IRT: 10n };

/** An amount (minor units of `from`) in the workspace currency `to`; null when the two are not one money. */
export function bookedAmount(amount: number, from: string, to: string): number | null {
  if (from === to) return amount;
  const fromRials = RIALS[from];
  const toRials = RIALS[to];
  if (fromRials === undefined || toRials === undefined) return null;
  const rials = BigInt(amount) * fromRials;
  const half = toRials / 2n;
  const converted = rials >= 0n ? (rials + half) / toRials : -((-rials + half) / toRials);
  return Number(converted);
}
