/* eslint-disable @typescript-eslint/no-require-imports */
import { context, propagation, trace } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

let provider: NodeTracerProvider | null = null;

/**
 * Registers the process' tracer provider (W3C traceparent propagation, AsyncLocalStorage context), exporting with
 * OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT; nothing when that is unset (and the SDK is not even loaded).
 * `processors` replaces the exporter (tests pass an in-memory one).
 */
export function startTracing(service: string, options: { processors?: SpanProcessor[]; env?: NodeJS.ProcessEnv } = {}): NodeTracerProvider | null {
  const env = options.env ?? process.env;
  if (provider) return provider;
  if (!options.processors && !env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const exporter = () => {
    const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    return [new BatchSpanProcessor(new OTLPTraceExporter())];
  };
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? service }),
    spanProcessors: options.processors ?? exporter(),
  });
  provider.register();
  return provider;
}

/** Flushes and stops the tracer provider (at shutdown). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = null;
  if (!stopping) return;
  await stopping.shutdown().catch(() => undefined);
  trace.disable();
  propagation.disable();
  context.disable();
}
