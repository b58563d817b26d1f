// A form shows each of the API's field errors under its own input; whatever no input claims (a
// conflict, a field the form does not show) still has to reach the user, above the buttons.
import { ApiError } from "../../api/client";

/** The part of a problem no field of `fields` shows, or undefined when every error has a home. */
export function unmatchedProblem(error: ApiError | undefined, fields: string[]): ApiError | undefined {
  if (!error) return undefined;
  const errors = error.problem.errors ?? [];
  if (errors.length === 0) return error;
  const claimed = (path: string) => fields.some((field) => path === `body.${field}` || path.startsWith(`body.${field}.`) || path === field);
  const unclaimed = errors.filter((fieldError) => !claimed(fieldError.path));
  if (unclaimed.length === 0) return undefined;
  const messages = [...new Set(unclaimed.map((fieldError) => fieldError.message))];
  return new ApiError({ ...error.problem, detail: messages.join(" ") });
}
