// Core messaging's routes: the providers' configuration, customers' messages, templates and the preview.
import { createRouter } from "../http/router";
import { messagesRouter } from "./messages.router";
import { providersRouter } from "./providers.router";
import { templatesRouter } from "./templates.router";

export const messagingRouter = createRouter().route("/", providersRouter).route("/", messagesRouter).route("/", templatesRouter);
