import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

/**
 * OpenTelemetry patches `http` and `pg` as they are required, so this runs when libs/platform is first imported
 * (its index imports this file first), before anything loads pg. Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set;
 * the tracer provider itself is started by bootstrapService (startTracing), with the service's name.
 */
export function instrumentHttpAndPg(): void {
  registerInstrumentations({
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(metrics|health)(\/|\?|$)/.test(req.url ?? '') }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
}

if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) instrumentHttpAndPg();
