import { ExecutionContext, ForbiddenException, createParamDecorator } from '@nestjs/common';
import type { AuthenticatedRequest } from './access.guard';
import { warehouseScopeOf } from './roles';

/**
 * The warehouses the signed-in user is limited to (a warehouse_volunteer's), or null for a role that is not
 * limited. Handlers of deliveries, dispatch runs, receipts and stock filter and check with it.
 */
export const WarehouseScope = createParamDecorator(
  (_: unknown, context: ExecutionContext): string[] | null => warehouseScopeOf(context.switchToHttp().getRequest<AuthenticatedRequest>().user),
);

/** 403 unless `warehouseCode` is one of the scope's warehouses (always fine with no scope). */
export function assertInWarehouseScope(scope: string[] | null, warehouseCode: string | null | undefined, what: string): void {
  if (scope && !(warehouseCode && scope.includes(warehouseCode))) {
    throw new ForbiddenException(`${what} is not of your warehouses (${scope.join(', ')})`);
  }
}
