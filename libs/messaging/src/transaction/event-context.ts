/** Who caused a change and what chain of events it belongs to; copied into every envelope. */
export interface EventContext {
  actor: string;
  correlationId: string;
  causationId: string | null;
}
