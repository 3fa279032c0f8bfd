import { randomUUID } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import type { InstrumentationBase } from '@opentelemetry/instrumentation';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { DataSource } from 'typeorm';
import { TOPICS } from '@giftflow/contracts';
import { instrumentHttpAndPg, startTracing, stopTracing } from '@giftflow/platform';
import { ServiceTestApp, createTestDataSource, startServiceForTest, uniquePrefix, waitFor } from '@giftflow/testing';
import { DonorsModule } from '../../apps/donors/src/donors.module';
import { InventoryModule } from '../../apps/inventory/src/inventory.module';

/**
 * One trace from `POST /pledges` through the outbox and the relay to inventory's handler: donors and inventory
 * run in this process and share a tracer provider whose spans go to an in-memory exporter.
 */
describe('traces across HTTP, the outbox and Kafka', () => {
  const exporter = new InMemorySpanExporter();
  const prefix = uniquePrefix('obs_traces');
  let donors: ServiceTestApp;
  let inventory: ServiceTestApp;
  let donorsDb: DataSource;

  beforeAll(async () => {
    patchAsRequired(instrumentHttpAndPg());
    startTracing('giftflow-test', { processors: [new SimpleSpanProcessor(exporter)] });
    const env = { DONORS_URL: 'http://127.0.0.1:1' };
    donors = await startServiceForTest('donors', DonorsModule, { database: 'giftflow_test_obs_traces_donors', topicPrefix: prefix, env });
    inventory = await startServiceForTest('inventory', InventoryModule, { database: 'giftflow_test_obs_traces_inventory', topicPrefix: prefix, env });
    donorsDb = await createTestDataSource('giftflow_test_obs_traces_donors', [], false);
  });
  afterAll(async () => {
    await inventory?.close();
    await donors?.close();
    await donorsDb?.destroy();
    await stopTracing();
  });

  it('follows a pledge from the HTTP request through the relay to the consumer that copies it', async () => {
    // 1. A donor, then a pledge through the API.
    const api = donors.api();
    const donor = await api.post('/donors').send({ name: 'Benefactors of Soc Trang city', kind: 'individual' }).expect(201);
    exporter.reset();
    const pledge = await api.post('/pledges').set('Idempotency-Key', randomUUID())
      .send({ donorId: donor.body.id, lines: [{ itemCode: 'bicycle', quantity: 20 }] }).expect(201);

    // 2. Inventory handles its PledgeRecorded: the consumer span ends once the handler has run.
    const topic = prefix + TOPICS.donors;
    const spans = () => exporter.getFinishedSpans();
    const processSpan = await waitFor('inventory to handle PledgeRecorded', async () =>
      spans().find((s) => s.name === `${topic} process` && s.attributes['messaging.consumer.group.name'] === 'inventory'
        && s.attributes['giftflow.event.type'] === 'PledgeRecorded.v1'));

    // 3. The request's server span, the relay's producer span and the consumer span are one trace, in that line.
    const serverSpan = spans().find((s) => s.kind === SpanKind.SERVER && s.attributes['http.method'] === 'POST' && s.attributes['http.target'] === '/pledges');
    expect(serverSpan).toBeDefined();
    const traceId = serverSpan!.spanContext().traceId;
    const publishSpan = spans().find((s) => s.name === `${topic} publish` && s.attributes['giftflow.event.type'] === 'PledgeRecorded');
    expect(publishSpan?.kind).toBe(SpanKind.PRODUCER);
    expect(processSpan.kind).toBe(SpanKind.CONSUMER);
    expect(publishSpan!.spanContext().traceId).toBe(traceId);
    expect(processSpan.spanContext().traceId).toBe(traceId);
    expect(parentOf(processSpan)).toBe(publishSpan!.spanContext().spanId);
    expect(ancestors(publishSpan!, spans())).toContain(serverSpan!.spanContext().spanId);
    // The request's SQL (pg) is in the trace under the server span, and so is the consumer's.
    const sqlUnder = (parent: ReadableSpan) => spans().filter((s) => s.kind === SpanKind.CLIENT && s.attributes['db.system'] === 'postgresql'
      && ancestors(s, spans()).includes(parent.spanContext().spanId));
    expect(sqlUnder(serverSpan!).some((s) => String(s.attributes['db.statement']).includes('INSERT INTO outbox'))).toBe(true);
    expect(sqlUnder(processSpan).some((s) => String(s.attributes['db.statement']).includes('known_pledges'))).toBe(true);

    // 4. The outbox row kept the request's trace context; the relay sent the producer span's as `traceparent`.
    const [row]: { headers: { traceparent: string } }[] =
      await donorsDb.query(`SELECT headers FROM outbox WHERE event_type = 'PledgeRecorded' AND message_key = $1`, [pledge.body.id]);
    expect(row.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(processSpan.attributes['messaging.message.id']).toBe((await donorsDb.query(
      `SELECT event_id FROM outbox WHERE event_type = 'PledgeRecorded' AND message_key = $1`, [pledge.body.id]))[0].event_id);
  });
});

/**
 * Jest loads modules through its own registry, where OpenTelemetry's require hooks never fire: apply the
 * instrumentations' patches to the modules as this test's registry has them (the ones the apps use).
 */
function patchAsRequired(instrumentations: InstrumentationBase[]): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const loaded: Record<string, () => { exports: unknown; version?: string }> = {
    http: () => ({ exports: require('http') }),
    pg: () => ({ exports: require('pg'), version: require('pg/package.json').version }),
    'pg-pool': () => ({ exports: require('pg-pool') }),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  for (const instrumentation of instrumentations) {
    for (const definition of instrumentation.getModuleDefinitions()) {
      const module = loaded[definition.name]?.();
      if (module) definition.patch?.(module.exports, module.version);
    }
  }
}

function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

/** The span ids above `span`, nearest first, as far as the finished spans go. */
function ancestors(span: ReadableSpan, all: ReadableSpan[]): string[] {
  const byId = new Map(all.map((s) => [s.spanContext().spanId, s]));
  const out: string[] = [];
  for (let parent = parentOf(span); parent; parent = byId.get(parent) && parentOf(byId.get(parent)!)) out.push(parent);
  return out;
}
