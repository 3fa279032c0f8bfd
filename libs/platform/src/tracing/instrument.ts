/* eslint-disable @typescript-eslint/no-require-imports */
import type { InstrumentationBase } from '@opentelemetry/instrumentation';

/**
 * OpenTelemetry patches `http` and `pg` as they are required, so this runs when libs/platform is first imported
 * (its index imports this file first), before anything loads pg. Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set,
 * and then the OpenTelemetry packages are loaded at all (they cost a second of start-up). The tracer provider
 * itself is started by bootstrapService (startTracing), with the service's name.
 */
export function instrumentHttpAndPg(): InstrumentationBase[] {
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const instrumentations = [
    new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(metrics|health)(\/|\?|$)/.test(req.url ?? '') }),
    new PgInstrumentation({ enhancedDatabaseReporting: false }),
  ];
  registerInstrumentations({ instrumentations });
  return instrumentations;
}

if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) instrumentHttpAndPg();
