/** An event failed its contract: it is never written to the outbox, and the transaction rolls back. */
export class EventSchemaError extends Error {
  constructor(readonly eventKey: string, readonly reason: string) {
    super(`${eventKey} rejected: ${reason}`);
    this.name = 'EventSchemaError';
  }
}
