import { EntityManager } from 'typeorm';
import { DeliveryStatus } from '../delivery.entity';

export interface DispatchRunView {
  id: string;
  warehouseCode: string;
  volunteer: string;
  createdAt: string;
  /** Each delivery asked for, in order: its status now, and why it was not dispatched (message). */
  deliveries: { allocationId: string; status: DeliveryStatus | null; message?: string }[];
}

export async function findDispatchRun(m: EntityManager, id: string): Promise<DispatchRunView | null> {
  const [run]: { id: string; warehouse_code: string; volunteer: string; created_at: Date }[] = await m.query('SELECT * FROM dispatch_runs WHERE id = $1', [id]);
  if (!run) return null;
  const entries: { allocation_id: string; status: DeliveryStatus | null; message: string | null }[] = await m.query(
    `SELECT e.allocation_id, d.status, e.message FROM dispatch_run_entries e LEFT JOIN deliveries d ON d.allocation_id = e.allocation_id
      WHERE e.run_id = $1 ORDER BY e.position`,
    [id],
  );
  return {
    id: run.id, warehouseCode: run.warehouse_code, volunteer: run.volunteer, createdAt: run.created_at.toISOString(),
    deliveries: entries.map((e) => ({ allocationId: e.allocation_id, status: e.status, ...(e.message ? { message: e.message } : {}) })),
  };
}
