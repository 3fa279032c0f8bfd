export * from './database/database-settings';
export * from './database/typeorm-options';
export * from './health/health.controller';
export * from './http/validation.pipe';
export * from './bootstrap/bootstrap-service';
export * from './service-core.module';
