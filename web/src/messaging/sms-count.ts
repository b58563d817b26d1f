// The one SMS parts counter (the Worker's pure function, shared so the composer counts exactly as
// the API bills): parts, characters left and encoding of a text, computed in the browser as it is typed.
export { smsParts as countSms } from "../../../worker/core/messaging/sms-parts";
