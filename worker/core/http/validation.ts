// Turns zod's issues into the problem's per-field errors, localized: our own refinements carry a
// message code (invalid_mobile, ...); zod's built-in issues use zod's own Persian locale for fa.
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isMessageCode, translate } from "../i18n/messages";
import { fieldMessage } from "./field-messages";
import { Problem, type FieldError } from "./problem";

const persian = z.locales.fa();
const english = z.locales.en();

/** An empty or absent text: people read "required", not "expected string to have >=1 characters". */
function isMissingValue(issue: z.core.$ZodIssue): boolean {
  if (issue.code === "too_small") return issue.origin === "string" && Number(issue.minimum) <= 1;
  return issue.code === "invalid_type" && / undefined$/.test(issue.message);
}

/** A bound in the reader's digits: "۹۰" in Persian. */
const formatLimit = (limit: number | bigint, locale: "fa" | "en") => new Intl.NumberFormat(locale === "fa" ? "fa-IR" : "en-US", { useGrouping: false }).format(limit);

/** Our own words for the bounds and types people hit most (zod's say "number must be <=90"). */
function describeBound(issue: z.core.$ZodIssue, locale: "fa" | "en"): string | undefined {
  if (issue.code === "too_big" && (issue.origin === "number" || issue.origin === "int")) {
    return translate(issue.inclusive === false ? "number_below" : "number_too_big", locale, { limit: formatLimit(issue.maximum, locale) });
  }
  if (issue.code === "too_small" && (issue.origin === "number" || issue.origin === "int")) {
    return translate(issue.inclusive === false ? "number_above" : "number_too_small", locale, { limit: formatLimit(issue.minimum, locale) });
  }
  if (issue.code === "too_big" && issue.origin === "string") return translate("text_too_long", locale, { limit: formatLimit(issue.maximum, locale) });
  if (issue.code === "too_small" && issue.origin === "array") return translate("list_too_short", locale, { limit: formatLimit(issue.minimum, locale) });
  if (issue.code === "too_big" && issue.origin === "array") return translate("list_too_long", locale, { limit: formatLimit(issue.maximum, locale) });
  // zod's own wording names the type in English ("expected string") even in Persian.
  if (issue.code === "invalid_type") return translate("wrong_type", locale, { type: issue.expected });
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, locale: "fa" | "en"): Omit<FieldError, "path"> {
  if (isMessageCode(issue.message)) return { code: issue.message, message: issue.message };
  // A plugin's own code (its `messages`): already in the reader's words.
  const plugins = fieldMessage(issue.message, locale);
  if (plugins) return { code: issue.message, message: plugins };
  if (isMissingValue(issue)) return { code: issue.code, message: translate("value_required", locale) };
  const bound = describeBound(issue, locale);
  if (bound) return { code: issue.code, message: bound };
  const localeError = (locale === "fa" ? persian : english).localeError;
  const localized = localeError(issue as never);
  const message = typeof localized === "string" ? localized : (localized?.message ?? issue.message);
  return { code: issue.code, message };
}

// Hono's validation targets, named as a client knows them.
const TARGET_NAMES: Record<string, string> = { json: "body", form: "body", param: "path" };

export function zodProblem(error: z.ZodError, target: string, locale: "fa" | "en"): Problem {
  return new Problem(400, "validation_failed", {
    errors: error.issues.map((issue) => ({
      path: [TARGET_NAMES[target] ?? target, ...issue.path.map(String)].join("."),
      ...describeIssue(issue, locale),
    })),
  });
}

/** The hook every router uses: a failed validation becomes a 400 problem; nothing runs. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
  c: Context,
): undefined {
  if (!result.success) throw zodProblem(result.error, result.target, c.get("locale"));
  return undefined;
}
