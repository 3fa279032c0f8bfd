import { HttpException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@giftflow/messaging';
import { DeliveryStatus } from '../delivery.entity';
import { DeliveryOperation, applyOrder } from '../mark-delivery/delivery-operation';
import { MarkDeliveryHandler } from '../mark-delivery/mark-delivery.handler';
import { SyncOperationDto } from './sync-deliveries.dto';

export interface SyncResult {
  clientOpId: string | null;
  outcome: 'applied' | 'duplicate' | 'conflict' | 'invalid';
  /** What the delivery's status is after it (for a duplicate: what the first application left). */
  status: DeliveryStatus | null;
  message?: string;
}

/**
 * A phone that was offline sends its queue once, twice, or out of order, without harm: operations are
 * applied in happenedAt order (a dispatch before the decision it precedes), each in its own transaction
 * through the same offline-safe marking as the single routes, and answered in the order they were sent.
 */
@Injectable()
export class SyncDeliveriesHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mark: MarkDeliveryHandler,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async execute(operations: Record<string, unknown>[], actor: string, scope: string[] | null): Promise<{ results: SyncResult[] }> {
    const results: SyncResult[] = new Array(operations.length);
    const valid: (DeliveryOperation & { index: number })[] = [];
    operations.forEach((raw, index) => {
      const clientOpId = typeof raw?.clientOpId === 'string' ? raw.clientOpId : null;
      const dto = plainToInstance(SyncOperationDto, raw ?? {});
      const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        const message = errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; ');
        results[index] = { clientOpId, outcome: 'invalid', status: null, message };
        return;
      }
      const { happenedAt, ...rest } = dto;
      valid.push({ ...rest, happenedAt: new Date(happenedAt), index });
    });
    for (const op of applyOrder(valid)) {
      const { index, ...operation } = op;
      try {
        const { duplicate, view } = await this.uow.run({ actor }, (tx) => this.mark.apply(tx, operation, actor, scope));
        results[index] = { clientOpId: op.clientOpId, outcome: duplicate ? 'duplicate' : 'applied', status: view.status };
      } catch (error) {
        if (!(error instanceof HttpException)) throw error;
        const answer = error.getResponse() as { message?: string; currentStatus?: DeliveryStatus };
        const status = answer.currentStatus ?? (await this.statusOf(op.allocationId));
        results[index] = { clientOpId: op.clientOpId, outcome: error.getStatus() === 409 ? 'conflict' : 'invalid', status, message: String(answer.message ?? error.message) };
      }
    }
    return { results };
  }

  private async statusOf(allocationId: string): Promise<DeliveryStatus | null> {
    const [row] = await this.dataSource.query('SELECT status FROM deliveries WHERE allocation_id = $1', [allocationId]);
    return row?.status ?? null;
  }
}
