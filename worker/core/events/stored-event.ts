// An event as it sits in the outbox and travels to its receivers.
export interface StoredEvent {
  id: string;
  workspaceId: string;
  name: string;
  payload: Record<string, unknown>;
  actorUserId: string | null;
  /** Epoch milliseconds. */
  createdAt: number;
}
