// The Worker's entry: the core composed with the compiled-in plugins of the registry.
import { plugins } from "../plugins/registry";
import { createWorker } from "./entry";

const worker = createWorker(plugins);

export default {
  fetch: worker.fetch,
  queue: worker.queue,
  scheduled: worker.scheduled,
} satisfies ExportedHandler<Env>;
