// Names folded for search: Arabic yeh/kaf to Persian, diacritics and tatweel removed, zero-width
// non-joiners to spaces, digits to ASCII, lower case. "علي‌رضا" and "علی رضا" fold alike.
import { toAsciiDigits } from "./digits";

export function foldName(name: string): string {
  return toAsciiDigits(name.normalize("NFKC"))
    .replace(/[يى]/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/[ؤ]/g, "و")
    .replace(/[إأٱآ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/[\u064b-\u065f\u0670\u0640]/g, "")
    .replace(/[\u200c\u200d\u200e\u200f]/g, " ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The distinct words of a folded name, for the name-word index. */
export const nameWords = (folded: string): string[] => [...new Set(folded.split(" ").filter(Boolean))];
