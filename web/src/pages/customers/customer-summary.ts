// A customer's standing in words: the RFM scores ("R5F4M3", 1–5 each within the shop's buyers)
// as one of seven named segments with how recently they bought, and "customer since" as the
// earlier of their first order and their record's creation (an imported buyer's history starts
// before the record does).

export const RFM_SEGMENTS = ["champions", "loyal", "promising", "needs_attention", "at_risk", "hibernating", "lost"] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];
export type Recency = "recent" | "a_while" | "long_ago";

export interface RfmReading {
  segment: RfmSegment;
  recency: Recency;
  scores: { r: number; f: number; m: number };
}

/**
 * The segment on the classic recency × frequency grid: frequent buyers are champions (bought
 * very recently), loyal (fairly recently) or at risk (not lately); the others are promising
 * (recent), need attention (in between), hibernate or are lost (long ago). Null for no score.
 */
export function readRfm(code: string | null | undefined): RfmReading | null {
  const match = code ? /^R([1-5])F([1-5])M([1-5])$/.exec(code) : null;
  if (!match) return null;
  const [r, f, m] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const frequent = f >= 4;
  let segment: RfmSegment;
  if (frequent) segment = r === 5 ? "champions" : r >= 3 ? "loyal" : "at_risk";
  else segment = r >= 4 ? "promising" : r === 3 ? "needs_attention" : r === 2 ? "hibernating" : "lost";
  const recency: Recency = r >= 4 ? "recent" : r === 3 ? "a_while" : "long_ago";
  return { segment, recency, scores: { r, f, m } };
}

/** The earlier of the first order and the record's creation (ISO times; the first may be absent). */
export function customerSince(createdAt: string, firstOrderAt: string | null): string {
  if (!firstOrderAt) return createdAt;
  return Date.parse(firstOrderAt) < Date.parse(createdAt) ? firstOrderAt : createdAt;
}
