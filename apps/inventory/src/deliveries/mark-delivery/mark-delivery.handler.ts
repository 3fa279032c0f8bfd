import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { UnitOfWork, OutboxTransaction } from '@giftflow/messaging';
import { ConfirmDeliveryHandler } from '../confirm-delivery/confirm-delivery.handler';
import { Delivery } from '../delivery.entity';
import { DeliveryView, findDelivery } from '../delivery.view';
import { DispatchDeliveryHandler } from '../dispatch-delivery/dispatch-delivery.handler';
import { FailDeliveryHandler } from '../fail-delivery/fail-delivery.handler';
import { alreadyDecided } from './delivery-conflict';
import { DeliveryOperation, happenedAtProblem } from './delivery-operation';
import { assertInWarehouseScope } from '@giftflow/platform';

export interface MarkResult {
  duplicate: boolean;
  view: DeliveryView;
}

/**
 * Offline-safe marking: every dispatch, confirm and fail is an operation with a clientOpId. The same
 * clientOpId again answers what it answered the first time and changes nothing; a decision on a delivery
 * already decided is a 409 `{currentStatus, decidedAt, by}`, never an overwrite.
 */
@Injectable()
export class MarkDeliveryHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dispatchStep: DispatchDeliveryHandler,
    private readonly confirmStep: ConfirmDeliveryHandler,
    private readonly failStep: FailDeliveryHandler,
  ) {}

  async execute(op: DeliveryOperation, actor: string, scope: string[] | null): Promise<DeliveryView> {
    return (await this.uow.run({ actor }, (tx) => this.apply(tx, op, actor, scope))).view;
  }

  /**
   * In the caller's transaction; throws 403 (a volunteer, for another warehouse's delivery), 404, 409 or 422
   * before it writes anything.
   */
  async apply(tx: OutboxTransaction, op: DeliveryOperation, actor: string, scope: string[] | null): Promise<MarkResult> {
    const m = tx.manager;
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`delivery-op:${op.clientOpId}`]);
    const [earlier]: { allocation_id: string; action: string; response: DeliveryView }[] = await m.query(
      'SELECT allocation_id, action, response FROM delivery_operations WHERE client_op_id = $1', [op.clientOpId],
    );
    if (earlier) {
      if (earlier.allocation_id !== op.allocationId || earlier.action !== op.action) {
        throw new UnprocessableEntityException(`clientOpId ${op.clientOpId} was used for ${earlier.action} of allocation ${earlier.allocation_id}`);
      }
      assertInWarehouseScope(scope, earlier.response.warehouseCode, `delivery ${op.allocationId}`);
      return { duplicate: true, view: earlier.response };
    }
    const delivery = await m.findOne(Delivery, { where: { allocationId: op.allocationId }, lock: { mode: 'pessimistic_write' } });
    if (!delivery) throw new NotFoundException(`allocation ${op.allocationId} not found`);
    assertInWarehouseScope(scope, delivery.warehouseCode, `delivery ${op.allocationId}`);
    const problem = happenedAtProblem(op, delivery.dispatchedAt, new Date());
    if (problem) throw new UnprocessableEntityException(problem);
    if (op.action !== 'dispatch' && (delivery.status === 'delivered' || delivery.status === 'failed')) {
      throw alreadyDecided(delivery);
    }
    if (op.action === 'dispatch') await this.dispatchStep.apply(tx, delivery, op);
    else if (op.action === 'confirm') await this.confirmStep.apply(tx, delivery, op, actor);
    else await this.failStep.apply(tx, delivery, op, actor);
    const view = (await findDelivery(m, op.allocationId))!;
    await m.query(
      `INSERT INTO delivery_operations (client_op_id, allocation_id, action, status, response, happened_at, recorded_at, actor)
       VALUES ($1, $2, $3, $4, $5, $6, now(), $7)`,
      [op.clientOpId, op.allocationId, op.action, view.status, JSON.stringify(view), op.happenedAt, actor],
    );
    return { duplicate: false, view };
  }
}
