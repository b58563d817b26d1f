// The one folding of Persian (and Latin) text for search, the name-word index and the duplicate
// finder, so that spellings people type interchangeably compare equal: Arabic yeh/kaf and their
// Persian forms, hamza seats (رضائی/رضایی, مؤمن/مومن, أ/إ/آ/ا, a lone ء dropped), teh marbuta and
// heh forms, diacritics and tatweel removed, ZWNJ and other invisible joiners as a space, digits to
// ASCII, lower case. "ZWNJ versus nothing" (علی‌رضا / علیرضا) is answered by the index, which also
// holds each pair of adjacent words joined (see nameIndexWords).
import { toAsciiDigits } from "./digits";

/** Letter forms that fold onto one letter; applied after NFKC (which undoes presentation forms). */
const LETTER_FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/[يىۍېێئ]/g, "ی"], // Arabic yeh, alef maksura, Pashto/Kurdish yehs, yeh with hamza
  [/[كڪ]/g, "ک"], // Arabic kaf, swash kaf
  [/ؤ/g, "و"],
  [/[إأٱآ]/g, "ا"],
  [/[ةۀەہ]/g, "ه"], // teh marbuta, heh with yeh above, Kurdish ae, heh goal
  [/ء/g, ""], // a lone hamza is spelled or left out at will (علاء / علا)
  [/[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, ""], // harakat, superscript alef, Quranic marks, tatweel
  [/[\u200b-\u200f\u2060\ufeff]/g, " "], // zero-width space, ZWNJ, ZWJ, LRM, RLM, word joiner, BOM
];

export function foldName(name: string): string {
  let folded = toAsciiDigits(name.normalize("NFKC"));
  for (const [pattern, replacement] of LETTER_FOLDS) folded = folded.replace(pattern, replacement);
  return folded.toLowerCase().replace(/\s+/g, " ").trim();
}

/** The distinct words of a folded name (a query's words). */
export const nameWords = (folded: string): string[] => [...new Set(folded.split(" ").filter(Boolean))];

/**
 * The words a customer's folded name is indexed under: each word, and each pair of adjacent words
 * written together, so "علیرضا" finds "علی‌رضا" (the query "علی رضا" finds "علیرضا" by its
 * compact form, see compactQuery).
 */
export function nameIndexWords(folded: string): string[] {
  const words = folded.split(" ").filter(Boolean);
  const joined = words.slice(1).map((word, i) => words[i]! + word);
  return [...new Set([...words, ...joined])];
}

/** A query of several words written together ("علی رضا" → "علیرضا"), or null for one word. */
export function compactQuery(folded: string): string | null {
  const words = nameWords(folded);
  return words.length > 1 ? words.join("") : null;
}
