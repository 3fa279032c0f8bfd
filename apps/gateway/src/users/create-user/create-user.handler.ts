import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { badRequest } from '@giftflow/platform';
import { hashPassword } from '../passwords';
import { User } from '../user.entity';
import { UserView, userViewOf } from '../user.view';
import { warehouseProblem } from '../user-fields.dto';
import { CreateUserDto } from './create-user.dto';

@Injectable()
export class CreateUserHandler {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(body: CreateUserDto): Promise<UserView> {
    const warehouseCodes = [...new Set(body.warehouseCodes ?? [])];
    const problem = warehouseProblem(body.role, warehouseCodes);
    if (problem) throw badRequest([problem]);
    const email = body.email.trim().toLowerCase();
    const now = new Date();
    const user: User = {
      id: randomUUID(), email, name: body.name.trim(), role: body.role, warehouseCodes, passwordHash: await hashPassword(body.password),
      disabledAt: null, createdAt: now, updatedAt: now,
    };
    const inserted = await this.db.query(
      `INSERT INTO users (id, email, name, role, warehouse_codes, password_hash, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [user.id, user.email, user.name, user.role, user.warehouseCodes, user.passwordHash, now],
    );
    if (inserted.length === 0) throw new ConflictException(`a user with email ${email} already exists`);
    return userViewOf(user);
  }
}
