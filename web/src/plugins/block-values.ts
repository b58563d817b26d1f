// What the plugin blocks' forms share: putting a named field into a request body, sending a
// block's request, and reading digits typed in Persian.
import type { UiBlock } from "../../../worker/plugin-api/ui-blocks";
import { api } from "../api/client";

/**
 * A field named with dots (`question.en`) goes inside the body's objects ({ question: { en } }),
 * where its errors (body.question.en) come back; a number in the name is a list's position
 * (`arms.0.percent` → { arms: [{ percent }] }).
 */
export function putField(body: Record<string, unknown>, name: string, value: unknown): void {
  const path = name.split(".");
  let at = body;
  path.slice(0, -1).forEach((key, index) => {
    const inner = at[key];
    const listNext = /^\d+$/.test(path[index + 1]!);
    at = (at[key] = inner && typeof inner === "object" ? inner : listNext ? [] : {}) as Record<string, unknown>;
  });
  at[path.at(-1)!] = value;
}

/** Removes the member a dotted name points at, and the lists and objects it leaves empty. */
export function removeField(body: Record<string, unknown>, name: string): void {
  const [key, ...rest] = name.split(".");
  const inner = body[key!];
  if (rest.length > 0 && inner && typeof inner === "object") {
    removeField(inner as Record<string, unknown>, rest.join("."));
    const left = Array.isArray(inner) ? inner.filter((member) => member !== undefined && member !== null).length : Object.keys(inner).length;
    if (left > 0) return;
  }
  if (Array.isArray(body) && /^\d+$/.test(key!)) body.splice(Number(key), 1);
  else delete body[key!];
}

/** The member of `body` a dotted name points at, or undefined. */
export function getField(body: Record<string, unknown>, name: string): unknown {
  let at: unknown = body;
  for (const key of name.split(".")) {
    if (!at || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** Persian and Arabic-Indic digits typed into a number field become 0–9. */
export function toLatinDigits(text: string) {
  return text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

type UiRequest = Extract<UiBlock, { type: "form" }>["request"];
type FormField = Extract<UiBlock, { type: "form" }>["fields"][number];

/**
 * The fields shown now, in order: a field with `shownWhen` only while the field it names is shown
 * and has one of its values, so a hidden field also hides those that depend on it.
 */
export function shownFields<F extends FormField>(fields: F[], valueOf: (name: string) => unknown): F[] {
  const shown = new Set<string>();
  return fields.filter((field) => {
    const when = field.shownWhen;
    const show = !when || (shown.has(when.name) && when.in.includes(String(valueOf(when.name) ?? "")));
    if (show) shown.add(field.name);
    return show;
  });
}

/** Sends one of a block's requests to the plugin's own routes. */
export function sendRequest<T>(pluginId: string, request: UiRequest, path: string, body: Record<string, unknown>): Promise<T> {
  const url = `/api/plugins/${encodeURIComponent(pluginId)}${path}`;
  if (request.method === "DELETE") return api.delete<T>(url);
  return api[request.method === "PATCH" ? "patch" : request.method === "PUT" ? "put" : "post"]<T>(url, body);
}
