import { ConflictException, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The open stock-take, locked for a write: 404 unknown, 409 closed. */
export async function lockOpenStockTake(m: EntityManager, id: string): Promise<{ id: string; warehouse_code: string; opened_at: Date }> {
  const [st] = await m.query('SELECT id, warehouse_code, status, opened_at FROM stock_takes WHERE id = $1 FOR UPDATE', [id]);
  if (!st) throw new NotFoundException(`stock-take ${id} not found`);
  if (st.status !== 'open') throw new ConflictException(`stock-take ${id} is closed`);
  return st;
}
