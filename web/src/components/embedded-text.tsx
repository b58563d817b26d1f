// Text a customer or a colleague typed, shown inside the UI's own language: a Persian name in the
// English UI, an English e-mail inside Persian text. Screen readers switch voice by `lang`, and
// the browser lays it out by `dir`, so text in the other language says which one it is.
import { useLanguage, directionOf, type Language } from "../i18n/i18n";

// Arabic-script letters (Persian uses the Arabic block and its presentation forms).
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

/**
 * The language a piece of free text is written in, told by its script: Persian when it has
 * Arabic-script letters, English when it has Latin letters only, unknown for digits and signs.
 */
export function languageOfText(text: string): Language | null {
  if (ARABIC_SCRIPT.test(text)) return "fa";
  if (LATIN_LETTER.test(text)) return "en";
  return null;
}

/** `lang` and `dir` for text shown in `uiLanguage`: set only when the text is in the other one. */
export function languageMarks(text: string, uiLanguage: Language): { lang?: Language; dir?: "rtl" | "ltr" } {
  const language = languageOfText(text);
  return language && language !== uiLanguage ? { lang: language, dir: directionOf(language) } : {};
}

/**
 * Free text (a name, a note, an address) kept apart from the sentence around it: `<bdi>` so its
 * direction never reorders its neighbours, with `lang`/`dir` when it is in the other language.
 */
export function EmbeddedText({ children, class: className }: { children: string | null | undefined; class?: string }) {
  const { language } = useLanguage();
  const text = children ?? "";
  return (
    <bdi class={className} {...languageMarks(text, language)}>
      {text}
    </bdi>
  );
}
