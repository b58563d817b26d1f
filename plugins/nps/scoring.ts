// The score itself: bands, NPS from counts of each score, its margin of error, and reading a score
// from an SMS reply ("۹", "10", "ده"). Pure functions: every figure in the API and the UI comes
// from here.
import type { Band } from "./schema";

export function bandOf(score: number): Band {
  return score <= 6 ? "detractor" : score <= 8 ? "passive" : "promoter";
}

/** Below this many responses the margin of error is shown beside the score. */
export const SMALL_SAMPLE = 30;

export interface NpsFigures {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors, rounded; null when nobody answered (never 0 for "no data"). */
  score: number | null;
  /** ± points at 95 % confidence, only below SMALL_SAMPLE responses. */
  marginOfError: number | null;
}

/** NPS from the count of each score 0–10 (`counts[score]`). */
export function npsOf(counts: readonly number[]): NpsFigures {
  let detractors = 0;
  let passives = 0;
  let promoters = 0;
  counts.forEach((n, score) => {
    if (score <= 6) detractors += n;
    else if (score <= 8) passives += n;
    else promoters += n;
  });
  const responses = detractors + passives + promoters;
  if (responses === 0) return { responses, promoters, passives, detractors, score: null, marginOfError: null };
  const pro = promoters / responses;
  const det = detractors / responses;
  const score = Math.round((pro - det) * 100);
  // The variance of a response valued +1 / 0 / −1, over n answers.
  const variance = pro + det - (pro - det) ** 2;
  const marginOfError = responses < SMALL_SAMPLE ? Math.round(1.96 * Math.sqrt(variance / responses) * 100) : null;
  return { responses, promoters, passives, detractors, score: score === 0 ? 0 : score, marginOfError };
}

export const emptyCounts = (): number[] => Array.from({ length: 11 }, () => 0);

const WORDS: Record<string, number> = {
  صفر: 0, یک: 1, دو: 2, سه: 3, چهار: 4, پنج: 5, شش: 6, شیش: 6, هفت: 7, هشت: 8, نه: 9, ده: 10,
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/** A score 0–10 read from a reply: Persian, Arabic or Latin digits, or the number in words; else null. */
export function scoreFromReply(text: string): number | null {
  const latin = text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .trim()
    .toLowerCase()
    .replace(/[.!،,\u200c]+$/u, "")
    .trim();
  if (/^\d{1,2}$/.test(latin)) {
    const n = Number(latin);
    return n <= 10 ? n : null;
  }
  return latin in WORDS ? WORDS[latin]! : null;
}
