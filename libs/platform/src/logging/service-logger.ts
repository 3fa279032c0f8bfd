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
    // A request's lines already carry it as a binding (pino-http); elsewhere (a consumer) it comes from the context.
    mixin: (_merge, _level, logger) => {
      const correlationId = currentCorrelationId();
      return correlationId && !('correlationId' in logger.bindings()) ? { correlationId } : {};
    },
    ...(pretty ? {} : { formatters: { level: (label: string) => ({ level: label }) } }),
  };
  if (pretty) {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', destination: env.LOG_FILE ?? 1 },
      },
    });
  }
  return pino(options, pino.destination({ dest: env.LOG_FILE ?? 1, sync: Boolean(env.LOG_FILE), mkdir: Boolean(env.LOG_FILE) }));
}
