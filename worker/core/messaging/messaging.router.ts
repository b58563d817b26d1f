// Core messaging's routes: the providers' configuration and customers' messages.
import { createRouter } from "../http/router";
import { messagesRouter } from "./messages.router";
import { providersRouter } from "./providers.router";

export const messagingRouter = createRouter().route("/", providersRouter).route("/", messagesRouter);
