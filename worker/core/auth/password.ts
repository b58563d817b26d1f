// Password hashing with PBKDF2-SHA256 through WebCrypto, a random salt per user.
// Workers cap PBKDF2 at 100,000 iterations; the count is stored in the hash so it can change.
import { timingSafeEqual } from "./tokens";

const ITERATIONS = 100_000;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, ITERATIONS);
  return `pbkdf2-sha256$${ITERATIONS}$${toBase64(salt)}$${toBase64(hash)}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // With no stored hash, still spend the time, so timing does not reveal which accounts exist.
  const [scheme, iterations, salt, hash] = (stored ?? `pbkdf2-sha256$${ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA==$`).split("$");
  if (scheme !== "pbkdf2-sha256" || !iterations || !salt || hash === undefined) return false;
  const derived = await derive(password, fromBase64(salt), Number(iterations));
  return stored !== null && timingSafeEqual(toBase64(derived), hash);
}
