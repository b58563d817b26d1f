// Core messaging's routes: the providers' configuration, customers' messages, the message log
// and the providers' callbacks (delivery reports and replies).
import { createRouter } from "../http/router";
import { messageLogRouter } from "./message-log.router";
import { messagesRouter } from "./messages.router";
import { providersRouter } from "./providers.router";
import { smsWebhooksRouter } from "./sms-webhooks.router";

export const messagingRouter = createRouter().route("/", providersRouter).route("/", messagesRouter).route("/", messageLogRouter).route("/", smsWebhooksRouter);
