import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { giftflowConfigDir } from '@giftflow/platform';
import { hashPassword, passwordMatches } from '../users/passwords';
import { User } from '../users/user.entity';

export const ADMIN_EMAIL = 'admin@giftflow.local';
export const ADMIN_PASSWORD_FILE = 'admin-password';

/**
 * At start-up, the first way in (README, "Signing in the first time"): with GIFTFLOW_ADMIN_PASSWORD set,
 * admin@giftflow.local exists, enabled, role admin, with that password (created or reset). Without it, and only
 * while there is no user at all, admin@giftflow.local is created with a random password, printed once and
 * written to <config dir>/admin-password (0600), where `npm run seed` and the benchmarks find it.
 * Under an advisory lock, so replicas starting together agree.
 */
@Injectable()
export class EnsureAdminAccount implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminAccount');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const configured = process.env.GIFTFLOW_ADMIN_PASSWORD;
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('giftflow-admin-account'))`);
      if (configured) await this.ensure(tx, configured);
      else if ((await tx.getRepository(User).count()) === 0) await this.createWithRandomPassword(tx);
    });
  }

  private async ensure(tx: EntityManager, password: string): Promise<void> {
    const users = tx.getRepository(User);
    const now = new Date();
    const existing = await users.findOneBy({ email: ADMIN_EMAIL });
    if (existing && existing.role === 'admin' && !existing.disabledAt && (await passwordMatches(existing.passwordHash, password))) return;
    const passwordHash = await hashPassword(password);
    if (existing) {
      await users.update(existing.id, { role: 'admin', warehouseCodes: [], disabledAt: null, passwordHash, updatedAt: now });
      this.logger.log(`${ADMIN_EMAIL}: password reset from GIFTFLOW_ADMIN_PASSWORD`);
    } else {
      await users.insert({ id: randomUUID(), email: ADMIN_EMAIL, name: 'Administrator', role: 'admin', warehouseCodes: [], passwordHash, disabledAt: null, createdAt: now, updatedAt: now });
      this.logger.log(`${ADMIN_EMAIL} created from GIFTFLOW_ADMIN_PASSWORD`);
    }
  }

  private async createWithRandomPassword(tx: EntityManager): Promise<void> {
    const password = randomBytes(18).toString('base64url');
    await this.ensure(tx, password);
    const dir = giftflowConfigDir();
    const file = path.join(dir, ADMIN_PASSWORD_FILE);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, password + '\n', { mode: 0o600 });
    chmodSync(file, 0o600); // an older file keeps its mode on overwrite
    // Printed once, to the terminal of whoever started the gateway, not to the log.
    process.stdout.write(`\n  giftflow: no user yet. Sign in as ${ADMIN_EMAIL} with password ${password}\n  (also written to ${file}; set GIFTFLOW_ADMIN_PASSWORD to choose it)\n\n`);
  }
}
