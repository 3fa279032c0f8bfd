import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Partitioners } from 'kafkajs';
import { TOPICS, dlqTopicOf } from '@giftflow/contracts';
import { ConsumerLagMetrics, ServiceMetrics } from '@giftflow/platform';
import { readTopic, testDatabaseUrl, waitFor } from '@giftflow/testing';
import { DonorsTestKit } from '../../apps/donors/test/donors-test-kit';

/** The relay's advisory lock (libs/messaging/src/outbox/outbox-relay.ts): while a test holds it, no relay round runs. */
const RELAY_LOCK_KEY = 0x6766_6f62;

/** Parses Prometheus' text format into `name{labels}` → value (labels as written, in the order written). */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

/** The value of the one series of `name` whose labels include all of `labels`; undefined when none does. */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const matches = [...samples(text)].filter(([series]) => {
    const [n, rest = ''] = series.split('{');
    return n === name && wanted.every((w) => rest.includes(w));
  });
  if (matches.length > 1) throw new Error(`${matches.length} series of ${name} match ${wanted.join(',')}: ${matches.map(([s]) => s).join('; ')}`);
  return matches[0]?.[1];
}

describe('GET /metrics on a service (donors, real Kafka and PostgreSQL)', () => {
  let kit: DonorsTestKit;
  const scrape = async () => {
    const res = await kit.api().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    return res.text;
  };

  beforeAll(async () => {
    kit = await DonorsTestKit.start('giftflow_test_obs_metrics');
  });
  afterAll(async () => kit?.close());

  it('times requests by route pattern and status, and counts the events published, handled and dead-lettered', async () => {
    // 1. A pledge through the API (201), read back by id (200) and an unknown one (404).
    const pledge = await kit.givenPledge();
    await kit.api().get(`/pledges/${pledge.id}`).expect(200);
    await kit.api().get(`/pledges/${randomUUID()}`).expect(404);
    await kit.api().get('/no-such-route').expect(404);

    // 2. Inventory's GoodsReceived for it is consumed, and a message that is not JSON is dead-lettered.
    await kit.inventoryPublishes(kit.goodsReceived(pledge.id, [['bicycle', 5]]));
    const producer = kit.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: kit.prefix + TOPICS.inventory, acks: -1, messages: [{ key: 'x', value: 'not json' }] });
    await producer.disconnect();
    await kit.pledgeOnceIt(pledge.id, 'received 5', (p) => p.lines[0].received === 5);
    await readTopic(kit.kafka, dlqTopicOf(kit.prefix + TOPICS.inventory), 1);
    await kit.publishedEvents(); // the outbox has drained

    const text = await waitFor('the dead letter counted', async () => {
      const t = await scrape();
      return (valueOf(t, 'giftflow_events_dead_lettered_total', { consumer: 'donors' }) ?? 0) >= 1 && t;
    });
    const http = (route: string, status: string, method = 'GET') =>
      valueOf(text, 'http_request_duration_seconds_count', { method, route, status_code: status, service: 'donors' });
    expect(http('/pledges', '201', 'POST')).toBe(1);
    expect(http('/pledges/:id', '200')).toBeGreaterThanOrEqual(2); // ours and the polls of pledgeOnceIt
    expect(http('/pledges/:id', '404')).toBe(1);
    expect(http('unmatched', '404')).toBe(1);
    expect(text).not.toContain(pledge.id); // route patterns, never raw URLs
    expect(valueOf(text, 'http_request_duration_seconds_bucket', { route: '/pledges', status_code: '201', le: '+Inf' })).toBe(1);

    const donorsTopic = kit.prefix + TOPICS.donors;
    const inventoryTopic = kit.prefix + TOPICS.inventory;
    expect(valueOf(text, 'giftflow_events_published_total', { topic: donorsTopic, type: 'PledgeRecorded' })).toBe(1);
    expect(valueOf(text, 'giftflow_events_published_total', { topic: donorsTopic, type: 'DonorRegistered' })).toBe(1);
    expect(valueOf(text, 'giftflow_events_publish_failed_total')).toBeUndefined();
    expect(valueOf(text, 'giftflow_events_handled_total', { consumer: 'donors', type: 'GoodsReceived.v1' })).toBe(1);
    expect(valueOf(text, 'giftflow_events_dead_lettered_total', { consumer: 'donors', topic: inventoryTopic, reason: 'schema' })).toBe(1);
    expect(valueOf(text, 'giftflow_backbone_batch_duration_seconds_count', { kind: 'relay' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, 'giftflow_backbone_batch_duration_seconds_count', { kind: 'consumer', name: 'donors' })).toBeGreaterThanOrEqual(1);
    // Default process metrics, labelled with the service.
    expect(valueOf(text, 'process_cpu_seconds_total', { service: 'donors' })).toBeGreaterThan(0);
    expect(valueOf(text, 'nodejs_heap_size_used_bytes', { service: 'donors' })).toBeGreaterThan(0);
  });

  it('measures consumer lag per partition from the committed offsets and the topic end offsets', async () => {
    const inventoryTopic = kit.prefix + TOPICS.inventory;
    const text = await waitFor('the consumer to have committed past every message', async () => {
      const t = await scrape();
      const lags = [0, 1, 2, 3, 4, 5].map((p) => valueOf(t, 'giftflow_consumer_lag', { consumer: 'donors', topic: inventoryTopic, partition: String(p) }));
      return lags.every((l) => l === 0) && t;
    }, 60_000, 500);
    expect(valueOf(text, 'giftflow_consumer_lag', { consumer: 'donors', topic: inventoryTopic, partition: '0' })).toBe(0);

    // A group that has committed nothing lags by the whole partition: measured by the same collector.
    const lagMetrics = kit.service.app.get(ConsumerLagMetrics);
    const metrics = kit.service.app.get(ServiceMetrics);
    metrics.consumerStarted({ consumer: 'idle', groupId: `${kit.prefix}idle-${randomUUID()}`, topics: [inventoryTopic] });
    try {
      const lags = await lagMetrics.lag();
      const idle = lags.filter((l) => l.consumer === 'idle');
      expect(idle).toHaveLength(6);
      expect(idle.reduce((sum, l) => sum + l.lag, 0)).toBe(2); // GoodsReceived and the junk message
    } finally {
      metrics.consumerStopped('idle');
    }
  });

  it('reports the outbox backlog and the age of its oldest unpublished row, measured when scraped', async () => {
    const holder = new Client({ connectionString: testDatabaseUrl(kit.database) });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [RELAY_LOCK_KEY]); // the relay now skips its rounds
      await holder.query(
        `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, created_at)
         VALUES ($1, $2, 'k', 'Test', '{"version":1}', now() - interval '42 seconds')`,
        [randomUUID(), `${kit.prefix}not-a-topic`],
      );
      const text = await scrape();
      expect(valueOf(text, 'giftflow_outbox_backlog')).toBe(1);
      expect(valueOf(text, 'giftflow_outbox_oldest_unpublished_age_seconds')).toBeGreaterThanOrEqual(42);
      expect(valueOf(text, 'giftflow_outbox_oldest_unpublished_age_seconds')).toBeLessThan(60);
      await holder.query('DELETE FROM outbox WHERE published_at IS NULL');
      const after = await scrape();
      expect(valueOf(after, 'giftflow_outbox_backlog')).toBe(0);
      expect(valueOf(after, 'giftflow_outbox_oldest_unpublished_age_seconds')).toBe(0);
    } finally {
      await holder.query('SELECT pg_advisory_unlock_all()');
      await holder.end();
    }
  });
});
