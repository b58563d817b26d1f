// How many SMS parts a text takes, in which encoding, and how many characters are left before the
// next part: one pure function, used by the Worker (preview, cost) and the web composer alike.
// From 3GPP TS 23.038: a text made only of the GSM 7-bit default alphabet (and its extension
// table, whose characters take an escape plus the character, so count 2) goes as GSM-7, 160 per
// single message or 153 per part of a long one; anything else (Persian letters and digits, ZWNJ,
// emoji) makes the whole text UCS-2, counted in UTF-16 units, 70 single or 67 per part. A
// character never straddles two parts (an escape pair or a surrogate pair moves to the next).

export type SmsEncoding = "gsm7" | "ucs2";

export interface SmsParts {
  encoding: SmsEncoding;
  /** In the encoding's units: GSM-7 extension characters count 2, UCS-2 counts UTF-16 units. */
  characters: number;
  parts: number;
  /** Room left in the last part before another part starts. */
  charactersLeft: number;
}

// The default alphabet (23.038 §6.2.1), less the escape itself.
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
// The extension table (23.038 §6.2.1.1), each sent as escape + character.
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
};

export function smsParts(text: string): SmsParts {
  const codePoints = Array.from(text);
  const gsm = codePoints.every((char) => GSM_BASIC.has(char) || GSM_EXTENSION.has(char));
  const encoding: SmsEncoding = gsm ? "gsm7" : "ucs2";
  // Each character's size in the encoding's units.
  const sizes = codePoints.map((char) => (gsm ? (GSM_EXTENSION.has(char) ? 2 : 1) : char.length));
  const characters = sizes.reduce((sum, size) => sum + size, 0);
  const { single, part } = LIMITS[encoding];
  if (characters <= single) return { encoding, characters, parts: characters === 0 ? 0 : 1, charactersLeft: single - characters };
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      parts++;
      used = 0;
    }
    used += size;
  }
  return { encoding, characters, parts, charactersLeft: part - used };
}
