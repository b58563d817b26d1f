// A rejected row's reasons, in the API's own terms: the field, the code and its message, from
// the same zod schemas and Problems the API answers with.
import type { z } from "@hono/zod-openapi";
import { Problem } from "../http/problem";
import { zodProblem } from "../http/validation";
import { isMessageCode, translate } from "../i18n/messages";
import type { Locale } from "../i18n/locale";
import type { RowError } from "./import.schema";

/** "body.consent.sms" → "consent.sms". */
const fieldPath = (path: string) => path.replace(/^body\.?/, "") || "row";

export function zodRowErrors(error: z.ZodError, columnFor: (path: string) => string | null): RowError[] {
  const english = zodProblem(error, "json", "en").options.errors ?? [];
  const persian = zodProblem(error, "json", "fa").options.errors ?? [];
  return english.map((issue, index) => {
    const path = fieldPath(issue.path);
    return {
      path,
      column: columnFor(path),
      code: issue.code,
      ...(isMessageCode(issue.code) ? {} : { text: { en: issue.message ?? issue.code, fa: persian[index]?.message ?? issue.message ?? issue.code } }),
    };
  });
}

/** A Problem the API would have answered (a taken identifier, a plugin's refusal) as row errors. */
export function problemRowErrors(problem: Problem, columnFor: (path: string) => string | null): RowError[] {
  const fields = problem.options.errors ?? [];
  if (fields.length === 0) {
    const params = Object.fromEntries(Object.entries(problem.options.params ?? {}).map(([key, value]) => [key, typeof value === "object" ? value.en : value]));
    const text = problem.options.params
      ? { en: translate(problem.code, "en", localized(problem, "en")), fa: translate(problem.code, "fa", localized(problem, "fa")) }
      : undefined;
    return [{ path: "row", column: null, code: problem.code, params, ...(text ? { text } : {}) }];
  }
  return fields.map((error) => {
    const path = fieldPath(error.path);
    const params = error.params && Object.fromEntries(Object.entries(error.params).map(([key, value]) => [key, typeof value === "object" ? value.en : value]));
    return { path, column: columnFor(path), code: error.code, ...(params ? { params } : {}), ...(isMessageCode(error.code) ? {} : { text: { en: error.message ?? error.code, fa: error.message ?? error.code } }) };
  });
}

function localized(problem: Problem, locale: Locale): Record<string, string | number> {
  return Object.fromEntries(Object.entries(problem.options.params ?? {}).map(([key, value]) => [key, typeof value === "object" ? value[locale] : value]));
}

/** The error as the reader of the report sees it. */
export function presentRowError(error: RowError, locale: Locale) {
  const message = error.text ? error.text[locale] : isMessageCode(error.code) ? translate(error.code, locale, error.params) : error.code;
  return { path: error.path, column: error.column, code: error.code, message };
}

export const rowError = (path: string, column: string | null, code: string, params?: Record<string, string | number>): RowError => ({
  path,
  column,
  code,
  ...(params ? { params } : {}),
});
