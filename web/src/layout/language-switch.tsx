// Switches between فارسی and English; the choice is remembered for the user.
import { useLanguage, type Language } from "../i18n/i18n";

const NAMES: Record<Language, string> = { fa: "فارسی", en: "English" };

export function LanguageSwitch({ label }: { label: string }) {
  const { language, setLanguage } = useLanguage();
  const other: Language = language === "fa" ? "en" : "fa";
  return (
    <button type="button" class="button button--ghost button--small" lang={other} aria-label={`${label}: ${NAMES[other]}`} onClick={() => setLanguage(other)}>
      {NAMES[other]}
    </button>
  );
}
