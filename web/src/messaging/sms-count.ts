// The one SMS parts counter (the Worker's pure function, shared so the composer counts exactly as
// the API bills): parts, characters left and encoding of a text, computed in the browser as it is typed.
import type { SmsCount } from "./message-types";

/** Null until the shared counter is in the Worker; the composer then waits for the preview API. */
export const countSms: ((text: string) => SmsCount) | null = null;
