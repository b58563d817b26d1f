// An identifier (mobile, e-mail, code) shown exactly as the API gave it, masked or not, and kept
// left-to-right inside Persian text so "0912*****67" never reads backwards. One with Latin letters
// (an e-mail) inside the Persian UI also says it is English, so a screen reader reads it so.
import { languageMarks } from "../../components/embedded-text";
import { useLanguage } from "../../i18n/i18n";

export function LtrText({ children }: { children: string | null | undefined }) {
  const { language } = useLanguage();
  if (!children) return <span class="muted">—</span>;
  return (
    <bdi class="ltr-value" lang={languageMarks(children, language).lang} dir="ltr">
      {children}
    </bdi>
  );
}
