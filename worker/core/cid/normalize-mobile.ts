// Iranian mobile numbers in every common form to one canonical E.164 value (+989121234567):
// 09121234567, 9121234567, +989121234567, 00989121234567, 989121234567, with any digits
// (Persian, Arabic-Indic, ASCII) and any spaces or dashes.
import { stripSeparators, toAsciiDigits } from "./digits";

const NATIONAL_FORMS = [/^\+98(9\d{9})$/, /^0098(9\d{9})$/, /^98(9\d{9})$/, /^0(9\d{9})$/, /^(9\d{9})$/];

export function normalizeMobile(raw: string): string | null {
  const compact = stripSeparators(toAsciiDigits(raw.normalize("NFKC")));
  for (const form of NATIONAL_FORMS) {
    const match = form.exec(compact);
    if (match) return `+98${match[1]}`;
  }
  return null;
}

/** The canonical value written the way Iranians read it: 09121234567. */
export const localMobile = (canonical: string): string => `0${canonical.slice(3)}`;
