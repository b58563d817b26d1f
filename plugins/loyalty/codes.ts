// Codes people read aloud and type: coupons (12 characters, 60 random bits: unguessable) and
// referral codes (8 characters, 40 bits), in Crockford's base 32 (no I, L, O or U), grouped by
// four. What a person types is read forgivingly: any case, Persian digits, spaces or dashes, and
// the letters O, I and L for the digits they look like.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function randomCode(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = "";
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  for (const byte of bytes) out += ALPHABET[byte % 32];
  return out.match(/.{1,4}/g)!.join("-");
}

export const newCouponCode = () => randomCode(12);
export const newReferralCode = () => randomCode(8);

/** The stored form of a typed code ("۸k4m 2pqr-x7o1" → "8K4M-2PQR-X701"), or null if it cannot be one. */
export function normalizeCode(typed: string, length: 8 | 12): string | null {
  const plain = typed
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .toUpperCase()
    .replace(/[\s\-_]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (plain.length !== length || [...plain].some((ch) => !ALPHABET.includes(ch))) return null;
  return plain.match(/.{1,4}/g)!.join("-");
}
