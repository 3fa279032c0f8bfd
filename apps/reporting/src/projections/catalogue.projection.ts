import { EventOf, ItemRegisteredV1 } from '@giftflow/contracts';
import { ProjectionTarget } from './projection-target';

/** itemCode → category, unit, value, stocked. Reports join it at query time, so a late registration still counts. */
export async function recordCatalogueItems(events: EventOf<typeof ItemRegisteredV1>[], { manager, generation }: ProjectionTarget): Promise<void> {
  // The latest registration wins, whatever order the events are read in; within the run, the last one per item.
  const latest = new Map(events.map((e) => [e.payload.itemCode, e]));
  const items = [...latest.values()];
  await manager.query(
    `INSERT INTO catalogue_items (generation, item_code, category, unit_value_vnd, registered_at, name, unit, stocked)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::timestamptz[], $6::text[], $7::text[], $8::boolean[])
     ON CONFLICT (generation, item_code) DO UPDATE
       SET category = EXCLUDED.category, unit_value_vnd = EXCLUDED.unit_value_vnd, registered_at = EXCLUDED.registered_at,
           name = EXCLUDED.name, unit = EXCLUDED.unit, stocked = EXCLUDED.stocked
       WHERE catalogue_items.registered_at <= EXCLUDED.registered_at`,
    [
      generation, items.map((e) => e.payload.itemCode), items.map((e) => e.payload.category), items.map((e) => e.payload.unitValueVnd),
      items.map((e) => e.occurredAt), items.map((e) => e.payload.name), items.map((e) => e.payload.unit), items.map((e) => e.payload.stocked ?? true),
    ],
  );
}
