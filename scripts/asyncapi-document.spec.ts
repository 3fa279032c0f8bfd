/* eslint-disable @typescript-eslint/no-explicit-any */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { parse } from 'yaml';
import { EVENT_DEFINITIONS, PUBLISHERS, TOPICS, dlqTopicOf } from '@giftflow/contracts';
import { DLQ_HEADERS } from '@giftflow/messaging';
import { ROOT } from './apps';
import { asyncApiOfTheContracts } from './asyncapi-document';

const FILE = path.join(ROOT, 'docs', 'asyncapi.yaml');
// The parser runs Spectral's rules over ~2,000 lines: seconds on a busy 2-core machine.
jest.setTimeout(60_000);

describe('docs/asyncapi.yaml', () => {
  it('matches the contracts (run `npm run docs:asyncapi` after changing or adding one)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(asyncApiOfTheContracts());
  });

  it('is a valid AsyncAPI 3.0 document for @asyncapi/parser (no error diagnostics)', async () => {
    const { document, diagnostics } = await new Parser().parse(readFileSync(FILE, 'utf8'));
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    expect(document?.channels().all().map((c) => c.address()).sort()).toEqual(
      PUBLISHERS.flatMap((p) => [TOPICS[p], dlqTopicOf(TOPICS[p])]).sort(),
    );
  });

  it('has one message per contract and version, on its own topic, with the contract as the envelope payload', () => {
    const doc = parse(asyncApiOfTheContracts()) as {
      channels: Record<string, { address: string; messages: Record<string, unknown> }>;
      components: { messages: Record<string, { payload: { properties: Record<string, any>; required: string[] }; headers?: { required: string[] } }> };
    };
    for (const d of EVENT_DEFINITIONS) {
      const channel = Object.values(doc.channels).find((c) => c.address === d.topic)!;
      expect(Object.keys(channel.messages)).toContain(d.key);
      const payload = doc.components.messages[d.key]!.payload;
      expect(payload.properties.type).toMatchObject({ const: d.type });
      expect(payload.properties.version).toMatchObject({ const: d.version });
      expect(payload.required).toEqual(expect.arrayContaining(['id', 'type', 'version', 'payload', 'correlationId']));
    }
    const pledge = doc.components.messages['PledgeRecorded.v1']!.payload.properties.payload;
    expect(pledge.properties.lines.items.properties.quantity).toMatchObject({ type: 'integer', exclusiveMinimum: 0 });
    expect(doc.components.messages.DeadLetter!.headers!.required).toEqual(Object.values(DLQ_HEADERS));
  });

  it('a parser error is reported (the validation is not vacuous)', async () => {
    const broken = readFileSync(FILE, 'utf8').replace(/^ {4}address: donors\.events$/m, '    address: 42');
    const { diagnostics } = await new Parser().parse(broken);
    expect(diagnostics.filter((d) => d.severity === 0).length).toBeGreaterThan(0);
  });
});
