import { Envelope } from '@giftflow/contracts';
import { ServiceTestApp, publishEnvelopes, sleep, startServiceForTest, testKafka, uniquePrefix, waitFor } from '@giftflow/testing';
import { ReportingModule } from '../../reporting.module';
import { bicycleStory, waitUntilProjected } from '../../testing/bicycle-story.fixture';

/**
 * A rebuild whose consumer dead-lettered events it should have projected is not swapped in silently (docs/backbone.md, trap 26):
 * it caught up by offsets, but GET /admin/rebuild reports the letters and it waits for a decision.
 */
describe('a rebuild that dead-lettered events waits for a decision', () => {
  const prefix = uniquePrefix('reporting-rebuild-dead');
  const story = bicycleStory();
  let service: ServiceTestApp;

  const api = () => service.api();
  const status = async () => (await api().get('/admin/rebuild').expect(200)).body;

  beforeAll(async () => {
    service = await startServiceForTest('reporting', ReportingModule, { database: 'giftflow_test_reporting_rebuild_dead', topicPrefix: prefix });
    const [pledge] = story.events;
    // A version of PledgeRecorded this build cannot project: dead-lettered by every generation.
    const unsupported = { ...pledge, id: '1d2f8a8e-0000-4000-8000-00000000beef', version: 9 } as unknown as Envelope;
    await publishEnvelopes(testKafka(), prefix, [...story.events, unsupported]);
    await waitUntilProjected(testKafka(), prefix, 1);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('reports the dead letters, keeps the old generation, and swaps only when accepted', async () => {
    await api().post('/admin/rebuild').expect(202);
    const waiting = await waitFor('caught up, waiting for a decision', async () => {
      const body = await status();
      return body.waitingForDecision ? body : null;
    }, 60_000, 250);
    expect(waiting).toMatchObject({ generation: 2, status: 'rebuilding', activeGeneration: 1, deadLettered: 1 });
    expect(waiting.progress.replayed).toBe(waiting.progress.messages);
    await sleep(1_500); // several reconcile rounds: still not swapped
    expect(await status()).toMatchObject({ status: 'rebuilding', activeGeneration: 1 });

    expect((await api().post('/admin/rebuild/accept').expect(200)).body).toEqual({ generation: 2, deadLettered: 1 });
    await waitFor('swapped in', async () => (await status()).activeGeneration === 2, 20_000, 250);
    expect(await status()).toMatchObject({ status: 'done', deadLettered: 1, waitingForDecision: false });
  });
});
