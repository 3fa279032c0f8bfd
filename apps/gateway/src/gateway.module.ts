import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule, HttpEdgeModule, ObservabilityModule, databaseSettingsFor, typeOrmOptions } from '@giftflow/platform';
import { EnsureAdminAccount } from './admin-account/ensure-admin-account';
import { GatewayHealthController } from './health/gateway-health.controller';
import { LogInController } from './log-in/log-in.controller';
import { LogInHandler } from './log-in/log-in.handler';
import { LoginRateLimit } from './log-in/login-rate-limit';
import { LogOutController } from './log-out/log-out.controller';
import { MeController } from './me/me.controller';
import { CreateAuthTables1765000000000 } from './migrations/create-auth-tables.migration';
import { SessionToBearerMiddleware } from './sessions/session-to-bearer.middleware';
import { Sessions } from './sessions/sessions';
import { CreateUserController } from './users/create-user/create-user.controller';
import { CreateUserHandler } from './users/create-user/create-user.handler';
import { ListUsersController } from './users/list-users/list-users.controller';
import { ResetPasswordController } from './users/reset-password/reset-password.controller';
import { ResetPasswordHandler } from './users/reset-password/reset-password.handler';
import { UpdateUserController } from './users/update-user/update-user.controller';
import { UpdateUserHandler } from './users/update-user/update-user.handler';
import { User } from './users/user.entity';

const entities = [User];
const migrations = [CreateAuthTables1765000000000];
const controllers = [
  GatewayHealthController, LogInController, LogOutController, MeController,
  ListUsersController, CreateUserController, UpdateUserController, ResetPasswordController,
];
const handlers = [LogInHandler, CreateUserHandler, UpdateUserHandler, ResetPasswordHandler];

/**
 * The gateway: log-in, users and sessions in its own database (GATEWAY_DATABASE, default giftflow_gateway; no
 * outbox: it publishes no events), the forwarding to the services (configureGateway), and the same access check
 * on its own routes as every service has on theirs.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({ useFactory: () => typeOrmOptions(databaseSettingsFor('gateway'), entities, migrations, { messaging: false }) }),
    ObservabilityModule.forService('gateway'),
    HttpEdgeModule,
    AuthModule.forApp('gateway'),
  ],
  controllers,
  providers: [...handlers, LoginRateLimit, Sessions, SessionToBearerMiddleware, EnsureAdminAccount],
})
export class GatewayModule {}
