// The UI's language: Persian (RTL, Jalali, Persian digits) or English (LTR, Gregorian).
// Messages live beside the page that shows them (`x.messages.ts`: { en: {...}, fa: {...} }) and are
// read with useMessages(messages); `{name}` in a message takes a parameter.
import { createContext } from "preact";
import { useContext, useMemo } from "preact/hooks";
import type { ComponentChildren } from "preact";

export type Language = "fa" | "en";
export const LANGUAGES: Language[] = ["fa", "en"];

export interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const LanguageContext = createContext<LanguageState>({ language: "fa", setLanguage: () => {} });

export function LanguageProvider(props: LanguageState & { children: ComponentChildren }) {
  const value = useMemo(() => ({ language: props.language, setLanguage: props.setLanguage }), [props.language, props.setLanguage]);
  return <LanguageContext.Provider value={value}>{props.children}</LanguageContext.Provider>;
}

export const useLanguage = () => useContext(LanguageContext);

export const directionOf = (language: Language) => (language === "fa" ? "rtl" : "ltr");

export type Messages<K extends string> = { en: Record<K, string>; fa: Record<K, string> };

/** Declares a message set; the type makes both languages carry every key. */
export function defineMessages<K extends string>(messages: { en: Record<K, string>; fa: Record<NoInfer<K>, string> }): Messages<K> {
  return messages;
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

export function translateWith<K extends string>(messages: Messages<K>, language: Language): Translate<K> {
  return (key, params) => {
    const template = messages[language][key] ?? messages.en[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? formatNumberIn(language, value) : value;
    });
  };
}

export function useMessages<K extends string>(messages: Messages<K>): Translate<K> {
  const { language } = useLanguage();
  return useMemo(() => translateWith(messages, language), [messages, language]);
}

/** Text that a plugin or the API gives in both languages (or already chose). */
export function pickText(text: string | { en: string; fa: string } | undefined, language: Language): string {
  if (text === undefined) return "";
  return typeof text === "string" ? text : text[language] ?? text.en;
}

export function formatNumberIn(language: Language, value: number, options?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(language === "fa" ? "fa-IR" : "en-US", options).format(value);
}
