import { ForbiddenException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Child } from '../child.entity';
import { childGroupIds } from '../find-child';

/** What a volunteer sees of a child: only what a delivery needs. */
export interface ChildDeliveryCard {
  id: string;
  fullName: string;
  communeCode: string;
  guardianName: string | null;
}

/**
 * A volunteer may see the delivery card of a child with an allocation from one of their warehouses (or with no
 * warehouse named: inventory picks it, and beneficiaries does not know which); 403 for any other child.
 */
export async function deliveryCardFor(m: EntityManager, child: Child, warehouseCodes: string[]): Promise<ChildDeliveryCard> {
  const [allocated] = await m.query(
    `SELECT 1 FROM allocations WHERE beneficiary_id = ANY($1) AND (warehouse_code IS NULL OR warehouse_code = ANY($2)) LIMIT 1`,
    [await childGroupIds(m, child.id), warehouseCodes],
  );
  if (!allocated) throw new ForbiddenException(`child ${child.id} has no delivery from your warehouses (${warehouseCodes.join(', ')})`);
  return { id: child.id, fullName: child.fullName, communeCode: child.communeCode, guardianName: child.guardianName };
}
