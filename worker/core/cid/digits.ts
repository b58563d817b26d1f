// Persian (U+06F0–06F9) and Arabic-Indic (U+0660–0669) digits to ASCII, before anything else.
import { autoConvertDigitsToEN } from "@persian-tools/persian-tools";

export const toAsciiDigits = (value: string): string => autoConvertDigitsToEN(value);

/** Spaces (including no-break and zero-width), dashes, dots and brackets people type in numbers. */
export const stripSeparators = (value: string): string => value.replace(/[\s\u00a0\u200b-\u200f\u2010-\u2015\-–—.()\/]/g, "");
