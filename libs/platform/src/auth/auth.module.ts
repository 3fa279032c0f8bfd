import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard, AUTH_APP } from './access.guard';
import { AccessTokens } from './access-tokens';
import { AppName } from './permissions';
import { loadTokenKeys } from './token-keys';

/**
 * Every route of the app behind AccessGuard, with the app's token keys (read from the environment when the
 * module starts: tests set it). ServiceCoreModule imports it for each service, the gateway directly.
 */
@Global()
@Module({})
export class AuthModule {
  static forApp(app: AppName): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: AUTH_APP, useValue: app },
        { provide: AccessTokens, useFactory: async () => AccessTokens.from(await loadTokenKeys()) },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AccessTokens],
    };
  }
}
