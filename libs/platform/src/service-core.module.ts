import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule, MessagingModuleOptions } from '@giftflow/messaging';
import { databaseSettingsFor } from './database/database-settings';
import { typeOrmOptions } from './database/typeorm-options';
import { HealthController } from './health/health.controller';
import { ConsumerLagMetrics } from './metrics/consumer-lag.metrics';
import { OutboxMetrics } from './metrics/outbox.metrics';
import { ObservabilityModule } from './observability/observability.module';
import { HttpEdgeModule } from './http/http-edge.module';
import { AuthModule } from './auth/auth.module';
import { AppName } from './auth/permissions';

export interface ServiceCoreOptions extends MessagingModuleOptions {
  // eslint-disable-next-line @typescript-eslint/ban-types
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/ban-types
  migrations: Function[];
  /** GET/HEAD routes that lose a deadlock or serialization conflict are read again (see HttpEdgeModule.forService). */
  retryTransientReads?: boolean;
}

/**
 * What every service app has: its own database (migrated), the messaging backbone, GET /health, GET /metrics,
 * JSON logs, and the HTTP edge (input guard, validation pipe, exception filter; reads retried on a deadlock with
 * `retryTransientReads`) and the access check (AuthModule: a verified token and a role the permissions table
 * allows) on every route. Routes that answer with answerOnce's IdempotentAnswer take `@IdempotentRequestOf()`,
 * which gives them the interceptor that answers it.
 */
@Module({})
export class ServiceCoreModule {
  static forService(options: ServiceCoreOptions): DynamicModule {
    const { entities, migrations, retryTransientReads, ...messaging } = options;
    return {
      module: ServiceCoreModule,
      imports: [
        // A factory, so the database is read from the environment at start, not when this file is imported (tests set it).
        TypeOrmModule.forRootAsync({ useFactory: () => typeOrmOptions(databaseSettingsFor(options.service), entities, migrations) }),
        MessagingModule.forService(messaging),
        ObservabilityModule.forService(options.service),
        HttpEdgeModule.forService({ retryTransientReads }),
        AuthModule.forApp(options.service as AppName),
      ],
      controllers: [HealthController],
      providers: [OutboxMetrics, ConsumerLagMetrics],
    };
  }
}
