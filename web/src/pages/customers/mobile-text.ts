// A mobile the way Iranians write it: 0912 123 4567 (a masked one, 0912*****67, is left as it is).

export function mobileText(value: string): string {
  const local = value.startsWith("+98") ? `0${value.slice(3)}` : value;
  return /^09\d{9}$/.test(local) ? `${local.slice(0, 4)} ${local.slice(4, 7)} ${local.slice(7)}` : local;
}
