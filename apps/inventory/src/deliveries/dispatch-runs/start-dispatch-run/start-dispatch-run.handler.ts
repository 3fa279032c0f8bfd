import { HttpException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@giftflow/messaging';
import { Delivery } from '../../delivery.entity';
import { MarkDeliveryHandler } from '../../mark-delivery/mark-delivery.handler';
import { DispatchRunView, findDispatchRun } from '../dispatch-run.view';
import { StartDispatchRunDto } from './start-dispatch-run.dto';
import { IdempotentAnswer, IdempotentRequest, answerOnce } from '@giftflow/platform';

/**
 * A volunteer takes a van of gifts out of one warehouse: every ready delivery named is dispatched (the same
 * step as one dispatch, ShipmentDispatched each); the others are listed with why not. One transaction; the
 * deliveries are locked in id order so two runs never deadlock.
 */
@Injectable()
export class StartDispatchRunHandler {
  constructor(private readonly uow: UnitOfWork, private readonly mark: MarkDeliveryHandler) {}

  execute(body: StartDispatchRunDto, actor: string, request: IdempotentRequest | null): Promise<IdempotentAnswer<DispatchRunView>> {
    return this.uow.run({ actor }, (tx) => answerOnce(tx.manager, request, async () => {
      const m = tx.manager;
      if (!(await m.query('SELECT 1 FROM warehouses WHERE code = $1', [body.warehouseCode])).length) {
        throw new UnprocessableEntityException(`warehouse ${body.warehouseCode} not found`);
      }
      const id = randomUUID();
      const happenedAt = body.happenedAt ? new Date(body.happenedAt) : new Date();
      await m.query('INSERT INTO dispatch_runs (id, warehouse_code, volunteer, actor, created_at) VALUES ($1, $2, $3, $4, now())', [id, body.warehouseCode, body.volunteer, actor]);
      const messages = new Map<string, string | null>();
      for (const allocationId of [...body.allocationIds].sort()) {
        const delivery = await m.findOne(Delivery, { where: { allocationId }, lock: { mode: 'pessimistic_write' } });
        if (delivery && !delivery.serviceOnly && delivery.warehouseCode && delivery.warehouseCode !== body.warehouseCode) {
          messages.set(allocationId, `delivery ${allocationId} is to be taken from ${delivery.warehouseCode}, not ${body.warehouseCode}`);
          continue;
        }
        try {
          await this.mark.apply(tx, { clientOpId: randomUUID(), allocationId, action: 'dispatch', happenedAt, volunteer: body.volunteer, dispatchRunId: id }, actor, null); // the run's warehouse is checked; each delivery must be of it
          messages.set(allocationId, null);
        } catch (error) {
          if (!(error instanceof HttpException)) throw error;
          const answer = error.getResponse() as { message?: string };
          messages.set(allocationId, String(answer.message ?? error.message));
        }
      }
      await m.query(
        `INSERT INTO dispatch_run_entries (run_id, position, allocation_id, message)
         SELECT $1, n, a, msg FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS x (a, msg, n)`,
        [id, body.allocationIds, body.allocationIds.map((a) => messages.get(a) ?? null)],
      );
      return (await findDispatchRun(m, id))!;
    }));
  }
}
