import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

let provider: NodeTracerProvider | null = null;

/**
 * Registers the process' tracer provider (W3C traceparent propagation, AsyncLocalStorage context), exporting with
 * OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT; nothing when that is unset. `processors` replaces the exporter
 * (tests pass an in-memory one).
 */
export function startTracing(service: string, options: { processors?: SpanProcessor[]; env?: NodeJS.ProcessEnv } = {}): NodeTracerProvider | null {
  const env = options.env ?? process.env;
  if (provider) return provider;
  if (!options.processors && !env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? service }),
    spanProcessors: options.processors ?? [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  return provider;
}

/** Flushes and stops the tracer provider (at shutdown). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = null;
  await stopping?.shutdown().catch(() => undefined);
  trace.disable();
  propagation.disable();
  context.disable();
}
