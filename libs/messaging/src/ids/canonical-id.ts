/**
 * Event ids are compared in one form everywhere: lower case, as PostgreSQL returns `uuid` values. An id is
 * canonicalized once, at the edge where it enters (a message read from Kafka, an id typed into the DLQ tool).
 */
export function canonicalId(id: string): string {
  return id.trim().toLowerCase();
}
