import { Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { KAFKA } from '@giftflow/messaging';
import { ServiceCoreModule } from '@giftflow/platform';
import { AcceptRebuildController } from './generations/accept-rebuild/accept-rebuild.controller';
import { AcceptRebuildHandler } from './generations/accept-rebuild/accept-rebuild.handler';
import { GenerationConsumers } from './generations/generation-consumers';
import { KafkaOffsets } from './generations/kafka-offsets';
import { ProjectionGeneration } from './generations/projection-generation.entity';
import { RebuildStatusController } from './generations/rebuild-status/rebuild-status.controller';
import { RebuildStatusHandler } from './generations/rebuild-status/rebuild-status.handler';
import { RebuildStatusMetrics } from './generations/rebuild-status/rebuild-status.metrics';
import { StartRebuildController } from './generations/start-rebuild/start-rebuild.controller';
import { StartRebuildHandler } from './generations/start-rebuild/start-rebuild.handler';
import { AddPledgeCancellations1764700000000 } from './migrations/add-pledge-cancellations.migration';
import { AddRebuildDeadLetterDecision1764900000001 } from './migrations/add-rebuild-dead-letter-decision.migration';
import { CreateReportingTables1764500000000 } from './migrations/create-reporting-tables.migration';
import { AllocationLine } from './projections/allocation-line.entity';
import { DeliveredLot } from './projections/delivered-lot.entity';
import { PledgeCancellation } from './projections/pledge-cancellation.entity';
import { PledgeLine } from './projections/pledge-line.entity';
import { ReceiptLot } from './projections/receipt-lot.entity';
import { ReleasedLot } from './projections/released-lot.entity';
import { ReservedLot } from './projections/reserved-lot.entity';
import { MonthlyReportController } from './reports/monthly-report/monthly-report.controller';
import { MonthlyReportHandler } from './reports/monthly-report/monthly-report.handler';
import { PledgeTraceController } from './reports/pledge-trace/pledge-trace.controller';
import { PledgeTraceHandler } from './reports/pledge-trace/pledge-trace.handler';
import { REPORTING_CONSUMES } from './reporting.subscriptions';

const entities = [ProjectionGeneration, PledgeLine, PledgeCancellation, ReceiptLot, AllocationLine, ReservedLot, DeliveredLot, ReleasedLot];
const migrations = [CreateReportingTables1764500000000, AddPledgeCancellations1764700000000, AddRebuildDeadLetterDecision1764900000001];
const controllers = [MonthlyReportController, PledgeTraceController, StartRebuildController, RebuildStatusController, AcceptRebuildController];
const handlers = [MonthlyReportHandler, PledgeTraceHandler, StartRebuildHandler, RebuildStatusHandler, AcceptRebuildHandler];
const metrics = [RebuildStatusMetrics];
/** Reporting runs its own consumers, one per generation (see GenerationConsumers), so it passes no `subscriptions`. */
const consumers = [GenerationConsumers, { provide: KafkaOffsets, inject: [KAFKA], useFactory: (kafka: Kafka) => new KafkaOffsets(kafka) }];

@Module({
  imports: [ServiceCoreModule.forService({ service: 'reporting', entities, migrations, consumes: REPORTING_CONSUMES })],
  controllers,
  providers: [...handlers, ...consumers, ...metrics],
})
export class ReportingModule {}
