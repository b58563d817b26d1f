// The Worker's queue producers as they are, plus a record of every message sent through them, so
// a test can hand what the cron or a consumer queued to the next consumer, as the queue would.
// Sends still reach the real local queues.
import { env } from "cloudflare:test";

export interface RecordingQueues {
  env: Env;
  /** Bodies sent to EVENTS_QUEUE since the last take. */
  takeEvents(): unknown[];
  /** Bodies sent to JOBS_QUEUE since the last take. */
  takeJobs(): unknown[];
}

function recording(queue: Queue, sent: unknown[]): Queue {
  return {
    async send(body: unknown, options?: QueueSendOptions) {
      sent.push(body);
      return queue.send(body, options);
    },
    async sendBatch(messages: Iterable<MessageSendRequest<unknown>>, options?: QueueSendBatchOptions) {
      const list = [...messages];
      sent.push(...list.map((message) => message.body));
      return queue.sendBatch(list, options);
    },
  } as Queue;
}

export function recordingQueues(base: Env = env): RecordingQueues {
  const events: unknown[] = [];
  const jobs: unknown[] = [];
  return {
    env: { ...base, EVENTS_QUEUE: recording(base.EVENTS_QUEUE, events), JOBS_QUEUE: recording(base.JOBS_QUEUE, jobs) },
    takeEvents: () => events.splice(0),
    takeJobs: () => jobs.splice(0),
  };
}
