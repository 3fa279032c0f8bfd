import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badRequest, findOr404 } from '@giftflow/platform';
import { Sessions } from '../../sessions/sessions';
import { User } from '../user.entity';
import { UserView, userViewOf } from '../user.view';
import { warehouseProblem } from '../user-fields.dto';
import { UpdateUserDto } from './update-user.dto';

/**
 * Changes a user's name, role, warehouses or whether they may sign in. Their console sessions follow at once
 * (disabling ends them); a bearer token already issued keeps its claims until it expires. The last enabled
 * admin cannot be disabled or given another role, so nobody locks the fund out.
 */
@Injectable()
export class UpdateUserHandler {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly sessions: Sessions) {}

  async execute(id: string, body: UpdateUserDto): Promise<UserView> {
    const updated = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('giftflow-admin-account'))`);
      const users = tx.getRepository(User);
      const user = await findOr404(tx, User, id, 'user');
      const role = body.role ?? user.role;
      const warehouseCodes = body.warehouseCodes ? [...new Set(body.warehouseCodes)] : body.role && body.role !== 'warehouse_volunteer' ? [] : user.warehouseCodes;
      const problem = warehouseProblem(role, warehouseCodes);
      if (problem) throw badRequest([problem]);
      const disabledAt = body.disabled === undefined ? user.disabledAt : body.disabled ? (user.disabledAt ?? new Date()) : null;
      const losesAdmin = user.role === 'admin' && !user.disabledAt && (role !== 'admin' || disabledAt !== null);
      if (losesAdmin) {
        const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL`);
        if (n <= 1) throw new ConflictException('this is the last enabled admin: make another admin first');
      }
      const next: User = { ...user, name: body.name?.trim() ?? user.name, role, warehouseCodes, disabledAt, updatedAt: new Date() };
      await users.save(next);
      return next;
    });
    if (updated.disabledAt) await this.sessions.endAllOf(id);
    return userViewOf(updated);
  }
}
