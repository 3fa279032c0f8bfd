import pino, { Logger, LoggerOptions } from 'pino';
import { currentCorrelationId } from '@giftflow/messaging';

/**
 * The app's pino logger (docs/observability.md): JSON lines on stdout, or on LOG_FILE; `LOG_FORMAT=pretty` for
 * a terminal (`npm start` sets it); LOG_LEVEL (default info). Every line written while a request or an event
 * is being handled carries its `correlationId`.
 */
export function createServiceLogger(service: string, env: NodeJS.ProcessEnv = process.env): Logger {
  const pretty = env.LOG_FORMAT === 'pretty';
  const options: LoggerOptions = {
    level: env.LOG_LEVEL ?? 'info',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // From the context (a request's, a consumer's), unless the logger binds one itself. The bindings are looked at as
    // pino keeps them, a JSON fragment: logger.bindings() parses it again on every line.
    mixin: (_merge, _level, logger) => {
      const correlationId = currentCorrelationId();
      return correlationId && !(logger as unknown as Record<symbol, string>)[pino.symbols.chindingsSym].includes('"correlationId":') ? { correlationId } : {};
    },
    ...(pretty ? {} : { formatters: { level: (label: string) => ({ level: label }) } }),
  };
  if (pretty) {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: {
          colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service,context',
          messageFormat: '{if context}[{context}] {end}{msg}', destination: env.LOG_FILE ?? 1,
        },
      },
    });
  }
  return pino(options, pino.destination({ dest: env.LOG_FILE ?? 1, sync: Boolean(env.LOG_FILE), mkdir: Boolean(env.LOG_FILE) }));
}
