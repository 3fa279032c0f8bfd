import { AddDeliveryCampaigns1765000000000 } from './add-delivery-campaigns.migration';
import { AddPledgeCancellations1764700000000 } from './add-pledge-cancellations.migration';
import { AddRebuildDeadLetterDecision1764900000001 } from './add-rebuild-dead-letter-decision.migration';
import { AddReportFacts1764900000000 } from './add-report-facts.migration';
import { AddSummaryRollups1765300000000 } from './add-summary-rollups.migration';
import { CreateReportingTables1764500000000 } from './create-reporting-tables.migration';

/** Reporting's own migrations, in order (the service adds libs/messaging's; specs that build a database use both). */
export const REPORTING_MIGRATIONS = [
  CreateReportingTables1764500000000, AddPledgeCancellations1764700000000, AddReportFacts1764900000000, AddRebuildDeadLetterDecision1764900000001,
  AddDeliveryCampaigns1765000000000, AddSummaryRollups1765300000000,
];
