import { Context, Link, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { GiftflowEvent } from '@giftflow/contracts';
import { runWithCorrelationId } from './correlation-context';

/**
 * Trace context across the backbone, with @opentelemetry/api only (a no-op until an SDK is registered, see
 * libs/platform/src/tracing): the request's context is stored with the outbox row (`headers`), the relay
 * sends it as the `traceparent` Kafka header of a producer span, and the consumer parents its handling span on it.
 */
const tracer = () => trace.getTracer('giftflow-messaging');

/** The active trace context as headers (`traceparent`, `tracestate`), or null when no trace is being recorded. */
export function currentTraceHeaders(): Record<string, string> | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : null;
}

export interface PublishSpans {
  /** The headers to send with row i: its producer span's context, else what the row stored. */
  headersOf(index: number): Record<string, string>;
  end(error?: unknown): void;
}

/** One producer span per outbox row that carries a trace context, each a child of the context stored with its row. */
export function startPublishSpans(rows: { topic: string; event_id: string; event_type: string; headers: Record<string, string> | null }[]): PublishSpans {
  const spans: (Span | null)[] = [];
  const headers = rows.map((row) => {
    if (!row.headers?.traceparent) {
      spans.push(null);
      return row.headers ?? {};
    }
    const parent = propagation.extract(ROOT_CONTEXT, row.headers);
    const span = tracer().startSpan(`${row.topic} publish`, {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': row.topic,
        'messaging.message.id': row.event_id,
        'giftflow.event.type': row.event_type,
      },
    }, parent);
    spans.push(span);
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(parent, span), carrier);
    return Object.keys(carrier).length > 0 ? carrier : row.headers; // no SDK here: pass the stored context on
  });
  return {
    headersOf: (index) => headers[index],
    end: (error) => {
      for (const span of spans) {
        if (!span) continue;
        if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        span.end();
      }
    },
  };
}

/**
 * Runs a consumer's handler for a run of events (one, or an `onEach` run) in a consumer span parented by the
 * first message's `traceparent` (the others are links), with the first event's correlation id as the current
 * one, so the handler's log lines and the events it publishes carry it.
 */
export function handleInTraceContext<T>(
  consumer: string,
  topic: string,
  messages: KafkaMessage[],
  events: GiftflowEvent[],
  work: () => Promise<T>,
): Promise<T> {
  const [first, ...others] = messages.map(contextOf);
  const links: Link[] = others.map((c) => trace.getSpanContext(c)).filter((s) => s !== undefined).map((s) => ({ context: s }));
  const event = events[0];
  const span = tracer().startSpan(`${topic} process`, {
    kind: SpanKind.CONSUMER,
    links,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': consumer,
      'messaging.batch.message_count': events.length,
      'messaging.message.id': event.id,
      'giftflow.event.type': `${event.type}.v${event.version}`,
    },
  }, first);
  return context.with(trace.setSpan(first, span), () => runWithCorrelationId(event.correlationId, async () => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
      throw error;
    } finally {
      span.end();
    }
  }));
}

/**
 * The trace context a message was sent in. Only a message with a `traceparent` header (W3C trace context, the
 * propagation libs/platform registers) has one: the others are not converted header by header, which cost the
 * consumer ~1.5 µs per event (BENCHMARKS.md, issue #7, fourth round).
 */
function contextOf(message: KafkaMessage): Context {
  return message.headers?.traceparent === undefined ? ROOT_CONTEXT : propagation.extract(ROOT_CONTEXT, headerStrings(message.headers));
}

/** Kafka header values are Buffers (or lists of them): the propagator wants strings. */
function headerStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    const one = Array.isArray(value) ? value[0] : value;
    if (one !== undefined) out[key] = one.toString();
  }
  return out;
}
