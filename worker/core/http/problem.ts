// Typed errors and their one mapping to RFC 9457 problem+json, in the request's language.
import type { Locale } from "../i18n/locale";
import { isMessageCode, translate, type MessageCode } from "../i18n/messages";

export interface FieldError {
  /** Where the bad value is: "body.mobile", "query.limit", "body.identifiers.0.value". */
  path: string;
  code: string;
  message: string;
}

/** A parameter may be given in both languages (e.g. a plugin's reason); the response picks one. */
export type ProblemParam = string | number | { en: string; fa: string };

export interface ProblemOptions {
  params?: Record<string, ProblemParam>;
  errors?: Array<Omit<FieldError, "message"> & { message?: string; params?: Record<string, ProblemParam> }>;
  /** Extra members of the problem document (e.g. the customers blocking a change). */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly options: ProblemOptions = {},
  ) {
    super(code);
    this.name = "Problem";
  }
}

export const notFound = () => new Problem(404, "not_found");
export const forbidden = () => new Problem(403, "forbidden");

/** A 400 for one field, the common case for a value that passes its shape but not its meaning. */
export function invalidField(path: string, code: MessageCode, params?: Record<string, string | number>) {
  return new Problem(400, "validation_failed", { errors: [{ path, code, ...(params ? { params } : {}) }] });
}

const TITLES: Partial<Record<number, MessageCode>> = { 401: "unauthenticated", 403: "forbidden", 404: "not_found" };

const localize = (params: Record<string, ProblemParam> | undefined, locale: Locale) =>
  params && Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === "object" ? value[locale] : value]));

export function problemResponse(problem: Problem, locale: Locale, instance: string): Response {
  const { errors, extensions, headers } = problem.options;
  const params = localize(problem.options.params, locale);
  const body: Record<string, unknown> = {
    type: `/problems/${problem.code.replaceAll("_", "-")}`,
    title: translate(TITLES[problem.status] ?? problem.code, locale, params),
    status: problem.status,
    detail: translate(problem.code, locale, params),
    code: problem.code,
    instance,
    ...extensions,
  };
  if (errors?.length) {
    body.errors = errors.map((error) => ({
      path: error.path,
      code: error.code,
      message: isMessageCode(error.code) ? translate(error.code, locale, localize(error.params, locale)) : (error.message ?? error.code),
    }));
  }
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { "content-type": "application/problem+json; charset=utf-8", ...headers },
  });
}
