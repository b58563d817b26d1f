// What the composer shows under the text: parts, characters left and encoding at once from the
// shared counter on every keystroke, and the estimated cost from POST /api/messaging/preview once
// typing pauses (the price per part is a workspace setting only the server knows).
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, api } from "../api/client";
import type { MessageChannel, SmsCount, SmsPreview } from "./message-types";
import { countSms } from "./sms-count";

export interface PreviewInput {
  channel: MessageChannel;
  /** Free text, or… */
  body: string;
  /** …a saved template by name (rendered by the server with sample values). */
  template: string | null;
  locale: "fa" | "en";
  recipients: number;
}

export interface LivePreview {
  /** Null for e-mail, an empty text, or while a template's first preview is on its way. */
  count: SmsCount | null;
  /** The last preview for the current text; undefined while it is being asked for. */
  preview: SmsPreview | undefined;
  error: ApiError | undefined;
}

/** How long typing must pause before the cost is asked for. */
const PAUSE_MS = 350;

export function useSmsPreview(input: PreviewInput): LivePreview {
  const { channel, body, template, locale, recipients } = input;
  const [preview, setPreview] = useState<SmsPreview>();
  const [error, setError] = useState<ApiError>();
  const latest = useRef(0);
  const key = JSON.stringify([channel, body, template, locale, recipients]);
  const local = useMemo(() => (channel === "sms" && !template && body ? countSms(body) : null), [channel, body, template]);

  useEffect(() => {
    const ticket = ++latest.current;
    setPreview(undefined);
    setError(undefined);
    if (channel !== "sms" || (!template && !body.trim())) return;
    const timer = setTimeout(() => {
      api
        .post<SmsPreview>("/api/messaging/preview", { channel, ...(template ? { template } : { body }), locale, recipients })
        .then((answer) => ticket === latest.current && setPreview(answer))
        .catch((caught: unknown) => ticket === latest.current && setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, detail: String(caught) })));
    }, PAUSE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const count = local ?? (preview ? { encoding: preview.encoding, characters: preview.characters, parts: preview.parts, charactersLeft: preview.charactersLeft } : null);
  return { count, preview, error };
}
