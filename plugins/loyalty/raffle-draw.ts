// The raffle's draw, as a pure function of its inputs, so anyone holding them can run it again:
//   entrants: customer ids, sorted (byte order), deduplicated;
//   seed:     32 random bytes from the platform's CSPRNG (crypto.getRandomValues), in hex;
//   method:   a Fisher–Yates shuffle of the first `winners` places, each swap position drawn
//             uniformly from HMAC-SHA256(seed, "<place>:<attempt>") (the first 6 bytes as an integer,
//             redrawn when it falls in the biased tail).
// Stored with the raffle: seed, sorted entrants (and their SHA-256), winners in the order drawn.
export const RAFFLE_ALGORITHM = "fisher-yates/hmac-sha256/v1";

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
const fromHex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));

export function newSeed(): string {
  return hex(crypto.getRandomValues(new Uint8Array(32)).buffer);
}

export const sortedEntrants = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export async function entrantsDigest(sorted: readonly string[]): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(sorted.join("\n"))));
}

const RANGE = 2 ** 48;

export async function drawWinners(seed: string, sorted: readonly string[], winners: number): Promise<string[]> {
  const key = await crypto.subtle.importKey("raw", fromHex(seed), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const pool = [...sorted];
  const places = Math.min(winners, pool.length);
  for (let place = 0; place < places; place++) {
    const span = pool.length - place;
    const limit = RANGE - (RANGE % span);
    let pick = -1;
    for (let attempt = 0; pick < 0; attempt++) {
      const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${place}:${attempt}`)));
      const value = mac.slice(0, 6).reduce((n, byte) => n * 256 + byte, 0);
      if (value < limit) pick = place + (value % span);
    }
    [pool[place], pool[pick]] = [pool[pick]!, pool[place]!];
  }
  return pool.slice(0, places);
}
