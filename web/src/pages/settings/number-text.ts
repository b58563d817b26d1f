// Numbers typed in a text box, in Persian, Arabic-Indic or Latin digits. A text that is not a
// number is passed on as typed, so the API's own localized message says what is wrong with it.

export function toAsciiDigits(text: string): string {
  return text
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/٫/g, ".")
    .replace(/[٬,]/g, "");
}

/** undefined for an empty box, the number when it is one, else the text itself. */
export function readNumber(text: string): number | string | undefined {
  const plain = toAsciiDigits(text).trim();
  if (plain === "") return undefined;
  const value = Number(plain);
  return Number.isFinite(value) ? value : text;
}
