// IP literals and whether they belong to the public internet. IPv4 is parsed the way the URL
// standard parses a host ("2130706433", "0x7f000001", "0177.0.0.1" and "127.1" are all
// 127.0.0.1), so no spelling of a private address slips past; IPv6 is checked together with any
// IPv4 address embedded in it (::ffff:127.0.0.1, 64:ff9b::/96, 2002::/16).

/** One part of an IPv4 host: decimal, 0x-hex or 0-octal, as the URL standard reads it. */
function ipv4Number(part: string): number | null {
  let radix = 10;
  let digits = part;
  if (/^0x/i.test(part)) [radix, digits] = [16, part.slice(2)];
  else if (part.length > 1 && part.startsWith("0")) [radix, digits] = [8, part.slice(1)];
  if (digits === "") return radix === 10 ? null : 0;
  const valid = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return null;
  const value = parseInt(digits, radix);
  return Number.isSafeInteger(value) ? value : null;
}

/** An IPv4 host as a 32-bit number, or null when the host is not an IPv4 literal. */
export function parseIpv4(host: string): number | null {
  const parts = host.split(".");
  if (parts.length > 1 && parts.at(-1) === "") parts.pop();
  if (parts.length === 0 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    const value = ipv4Number(part);
    if (value === null) return null;
    numbers.push(value);
  }
  // The last part fills every byte the earlier ones leave ("127.1" is 127.0.0.1).
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255) || last >= 256 ** (4 - numbers.length)) return null;
  return numbers.reduce((sum, n, i) => sum + n * 256 ** (3 - i), last);
}

/** Strict dotted-quad, the only IPv4 form allowed inside an IPv6 literal. */
function dottedQuad(text: string): number | null {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return null;
  const bytes = text.split(".").map(Number);
  if (bytes.some((b) => b > 255)) return null;
  return bytes.reduce((sum, b) => sum * 256 + b, 0);
}

function hextets(text: string, mayEndInIpv4: boolean): number[] | null {
  if (text === "") return [];
  const parts = text.split(":");
  const out: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (mayEndInIpv4 && i === parts.length - 1 && part.includes(".")) {
      const v4 = dottedQuad(part);
      if (v4 === null) return null;
      out.push(Math.floor(v4 / 65536), v4 % 65536);
    } else if (/^[0-9a-f]{1,4}$/i.test(part)) out.push(parseInt(part, 16));
    else return null;
  }
  return out;
}

/** An IPv6 literal (without brackets) as its eight 16-bit groups, or null. */
export function parseIpv6(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  if (halves.length === 1) {
    const groups = hextets(text, true);
    return groups && groups.length === 8 ? groups : null;
  }
  const head = hextets(halves[0]!, false);
  const tail = hextets(halves[1]!, true);
  if (!head || !tail || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

const v4 = (dotted: string, bits: number): [number, number] => [dottedQuad(dotted)!, bits];

/** Not reachable on, or not meant for, the public internet (IANA special-purpose registry). */
const NON_PUBLIC_V4: Array<[number, number]> = [
  v4("0.0.0.0", 8), // "this network", unspecified
  v4("10.0.0.0", 8), // private
  v4("100.64.0.0", 10), // carrier-grade NAT
  v4("127.0.0.0", 8), // loopback
  v4("169.254.0.0", 16), // link-local, cloud metadata services
  v4("172.16.0.0", 12), // private
  v4("192.0.0.0", 24), // IETF protocol assignments
  v4("192.0.2.0", 24), // documentation
  v4("192.88.99.0", 24), // 6to4 relay anycast (deprecated)
  v4("192.168.0.0", 16), // private
  v4("198.18.0.0", 15), // benchmarking
  v4("198.51.100.0", 24), // documentation
  v4("203.0.113.0", 24), // documentation
  v4("224.0.0.0", 4), // multicast
  v4("240.0.0.0", 4), // reserved, broadcast
];

export function isPublicIpv4(address: number): boolean {
  return !NON_PUBLIC_V4.some(([base, bits]) => Math.floor(address / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
}

/** The IPv4 address an IPv6 address stands for, where it stands for one. */
function embeddedIpv4(g: number[]): number | null {
  const tail = g[6]! * 65536 + g[7]!;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return tail; // IPv4-mapped, IPv4-compatible (and ::, ::1)
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return tail; // IPv4-translated
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return tail; // NAT64
  if (g[0] === 0x2002) return g[1]! * 65536 + g[2]!; // 6to4
  return null;
}

/** Reserved blocks inside global unicast (2000::/3), as [first groups, prefix length]. */
const NON_PUBLIC_V6: Array<[number[], number]> = [
  [[0x2001, 0x0000], 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  [[0x2001, 0x0db8], 32], // documentation
  [[0x3fff, 0x0000], 20], // documentation
];

function inPrefix(g: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; bits > 0; i++, bits -= 16) {
    const shift = Math.max(0, 16 - bits);
    if (g[i]! >> shift !== (prefix[i] ?? 0) >> shift) return false;
  }
  return true;
}

export function isPublicIpv6(groups: number[]): boolean {
  const embedded = embeddedIpv4(groups);
  if (embedded !== null) return isPublicIpv4(embedded);
  // Only global unicast reaches the internet: loopback, unspecified, link-local, unique-local,
  // site-local, multicast and the rest all lie outside 2000::/3.
  if (!inPrefix(groups, [0x2000], 3)) return false;
  return !NON_PUBLIC_V6.some(([prefix, bits]) => inPrefix(groups, prefix, bits));
}
