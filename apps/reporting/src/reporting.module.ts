import { Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { KAFKA } from '@giftflow/messaging';
import { ServiceCoreModule } from '@giftflow/platform';
import { AcceptRebuildController } from './generations/accept-rebuild/accept-rebuild.controller';
import { AcceptRebuildHandler } from './generations/accept-rebuild/accept-rebuild.handler';
import { GenerationConsumers } from './generations/generation-consumers';
import { KafkaOffsets } from './generations/kafka-offsets';
import { ProjectionGeneration } from './generations/projection-generation.entity';
import { ProjectionStatusController } from './generations/projection-status/projection-status.controller';
import { ProjectionStatusHandler } from './generations/projection-status/projection-status.handler';
import { RebuildStatusController } from './generations/rebuild-status/rebuild-status.controller';
import { RebuildStatusHandler } from './generations/rebuild-status/rebuild-status.handler';
import { RebuildStatusMetrics } from './generations/rebuild-status/rebuild-status.metrics';
import { StartRebuildController } from './generations/start-rebuild/start-rebuild.controller';
import { StartRebuildHandler } from './generations/start-rebuild/start-rebuild.handler';
import { MonthlyReportController } from './reports/monthly-report/monthly-report.controller';
import { MonthlyReportHandler } from './reports/monthly-report/monthly-report.handler';
import { PledgeTraceController } from './reports/pledge-trace/pledge-trace.controller';
import { PledgeTraceHandler } from './reports/pledge-trace/pledge-trace.handler';
import { CampaignReportController } from './reports/campaign-report/campaign-report.controller';
import { CampaignReportHandler } from './reports/campaign-report/campaign-report.handler';
import { DonorStatementController } from './reports/donor-statement/donor-statement.controller';
import { DonorStatementHandler } from './reports/donor-statement/donor-statement.handler';
import { SponsorshipLedgerController } from './reports/sponsorship-ledger/sponsorship-ledger.controller';
import { SponsorshipLedgerHandler } from './reports/sponsorship-ledger/sponsorship-ledger.handler';
import { HalfYearDocumentController } from './reports/half-year-document/half-year-document.controller';
import { HalfYearDocumentHandler } from './reports/half-year-document/half-year-document.handler';
import { SummaryController } from './reports/summary/summary.controller';
import { SummaryHandler } from './reports/summary/summary.handler';
import { REPORTING_CONSUMES } from './reporting.subscriptions';
import { REPORTING_MIGRATIONS } from './migrations/reporting-migrations';

const entities = [ProjectionGeneration];
const controllers = [
  SummaryController, CampaignReportController, DonorStatementController, SponsorshipLedgerController, HalfYearDocumentController, MonthlyReportController,
  PledgeTraceController, StartRebuildController, RebuildStatusController, AcceptRebuildController, ProjectionStatusController];
const handlers = [
  SummaryHandler, CampaignReportHandler, DonorStatementHandler, SponsorshipLedgerHandler, HalfYearDocumentHandler, MonthlyReportHandler,
  PledgeTraceHandler, StartRebuildHandler, RebuildStatusHandler, AcceptRebuildHandler, ProjectionStatusHandler];
const metrics = [RebuildStatusMetrics];
/** Reporting runs its own consumers, one per generation (see GenerationConsumers), so it passes no `subscriptions`. */
const consumers = [GenerationConsumers, { provide: KafkaOffsets, inject: [KAFKA], useFactory: (kafka: Kafka) => new KafkaOffsets(kafka) }];

@Module({
  // Reads retried on a deadlock: a report read meets a rebuild's swap of generations (partitions dropped).
  imports: [ServiceCoreModule.forService({ service: 'reporting', entities, migrations: REPORTING_MIGRATIONS, consumes: REPORTING_CONSUMES, retryTransientReads: true })],
  controllers,
  providers: [...handlers, ...consumers, ...metrics],
})
export class ReportingModule {}
