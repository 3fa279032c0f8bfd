// The volunteer's marks, kept on the phone (IndexedDB) until the gateway has them. Every mark goes through
// here: it is stored first, then sent with POST /api/inventory/deliveries/sync; offline it simply stays until
// the connection returns. Each mark has its own clientOpId, so a batch sent twice (a reply lost on a bad
// connection) is applied once: the second time the service answers `duplicate`.
import { api, ApiError } from './api';

export type MarkAction = 'dispatch' | 'confirm' | 'fail';
export interface Mark {
  clientOpId: string; allocationId: string; action: MarkAction; happenedAt: string;
  volunteer?: string; receivedBy?: string; relationship?: string; reason?: string; note?: string;
}
export interface SyncResult { clientOpId: string; outcome: 'applied' | 'duplicate' | 'conflict' | 'invalid'; status: string; message?: string }

const DB_NAME = 'giftflow-volunteer';
const STORE = 'pending-marks';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'clientOpId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function inStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await openDb();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function pendingMarks(): Promise<Mark[]> {
  const all = (await inStore<Mark[]>('readonly', (s) => s.getAll() as IDBRequest<Mark[]>)) ?? [];
  return all.sort((a, b) => a.happenedAt.localeCompare(b.happenedAt));
}

export async function queueMarks(marks: Mark[]): Promise<void> {
  await inStore('readwrite', (s) => { marks.forEach((m) => s.put(m)); });
}

async function forget(ids: string[]): Promise<void> {
  await inStore('readwrite', (s) => { ids.forEach((id) => s.delete(id)); });
}

let sending: Promise<SyncResult[]> | undefined;

/**
 * Sends every pending mark in one sync request and forgets those the service has decided (applied, duplicate,
 * or refused as conflict/invalid: those are answered so the volunteer sees why). When the gateway cannot be
 * reached they all stay. One send at a time: a tap during a send waits for it and then sends what is left.
 */
export async function sendPending(): Promise<SyncResult[]> {
  while (sending) await sending.catch(() => undefined);
  sending = (async () => {
    const marks = await pendingMarks();
    if (marks.length === 0) return [];
    const { results } = await api<{ results: SyncResult[] }>('/inventory/deliveries/sync', { method: 'POST', body: { operations: marks } });
    await forget(results.map((r) => r.clientOpId));
    return results;
  })();
  try {
    return await sending;
  } catch (error) {
    if (error instanceof ApiError && error.unreachable) return [];
    throw error;
  } finally {
    sending = undefined;
  }
}
