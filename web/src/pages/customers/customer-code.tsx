// A customer's readable code (C-00042) the same way on every page: in the reader's digits (Persian
// in Persian, as every other figure) and kept left to right, so "C-۰۰۰۴۲" never reads backwards.
import { useFormat } from "../../i18n/format";
import { LtrText } from "./ltr-text";

export function CustomerCode({ code }: { code: string }) {
  const f = useFormat();
  return <LtrText>{f.digits(code)}</LtrText>;
}
