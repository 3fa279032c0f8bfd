import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { ServiceTestApp, publishEnvelopes, startServiceForTest, testKafka, uniquePrefix } from '@giftflow/testing';
import { ReportingModule } from '../../reporting.module';
import { BICYCLE, LONG_PHU, TRAN_DE, bicycleStory, waitUntilProjected } from '../../testing/bicycle-story.fixture';

describe('GET /reports/pledges/:id/trace', () => {
  const prefix = uniquePrefix('reporting-trace');
  const story = bicycleStory();
  let service: ServiceTestApp;
  let kafka: Kafka;

  const trace = async (pledgeId: string) => (await service.api().get(`/reports/pledges/${pledgeId}/trace`).expect(200)).body;
  const untilDeliveries = story.events.findIndex((e) => e.type === 'DeliveryConfirmed');

  beforeAll(async () => {
    service = await startServiceForTest('reporting', ReportingModule, { database: 'giftflow_test_reporting_trace', topicPrefix: prefix });
    kafka = testKafka();
  });

  afterAll(async () => {
    await service?.close();
  });

  it('shows the five allocated bicycles held on the shelf before anything is delivered', async () => {
    await publishEnvelopes(kafka, prefix, story.events.slice(0, untilDeliveries));
    await waitUntilProjected(kafka, prefix);
    expect(await trace(story.pledgeId)).toEqual({
      pledgeId: story.pledgeId, pledgedQty: 20, receivedQty: 20, inStockQty: 20, reservedQty: 5, deliveredQty: 0, returnedQty: 0, delivered: [], cancelledAt: null,
    });
  });

  it('follows the pledge to four children in two districts, one bicycle back on the shelf', async () => {
    await publishEnvelopes(kafka, prefix, story.events.slice(untilDeliveries));
    await waitUntilProjected(kafka, prefix);
    expect(await trace(story.pledgeId)).toEqual({
      pledgeId: story.pledgeId, pledgedQty: 20, receivedQty: 20, inStockQty: 16, reservedQty: 0, deliveredQty: 4, returnedQty: 1,
      delivered: [
        { districtCode: LONG_PHU, category: BICYCLE.category, quantity: 3 },
        { districtCode: TRAN_DE, category: BICYCLE.category, quantity: 1 },
      ],
      cancelledAt: null,
    });
  });

  it('answers 404 for a pledge no event mentions and 400 for an id that is not a UUID', async () => {
    const unknown = randomUUID();
    const { body } = await service.api().get(`/reports/pledges/${unknown}/trace`).expect(404);
    expect(body.message).toBe(`pledge ${unknown} not found`);
    await service.api().get('/reports/pledges/not-a-uuid/trace').expect(400);
  });
});
