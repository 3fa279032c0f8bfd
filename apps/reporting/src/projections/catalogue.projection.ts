import { EventOf, ItemRegisteredV1 } from '@giftflow/contracts';
import { ProjectionTarget } from './projection-target';

/** itemCode → category and unit value. Reports join it at query time, so a late registration still counts. */
export async function recordCatalogueItem(event: EventOf<typeof ItemRegisteredV1>, { manager, generation }: ProjectionTarget): Promise<void> {
  const { itemCode, category, unitValueVnd } = event.payload;
  // The latest registration wins, whatever order the events are read in.
  await manager.query(
    `INSERT INTO catalogue_items (generation, item_code, category, unit_value_vnd, registered_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (generation, item_code) DO UPDATE
       SET category = EXCLUDED.category, unit_value_vnd = EXCLUDED.unit_value_vnd, registered_at = EXCLUDED.registered_at
       WHERE catalogue_items.registered_at <= EXCLUDED.registered_at`,
    [generation, itemCode, category, unitValueVnd, event.occurredAt],
  );
}
