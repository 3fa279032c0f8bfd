import { INestApplication, Logger } from '@nestjs/common';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Paths the console never answers for, so its SPA fallback cannot shadow the API, health, metrics or docs. */
const NOT_THE_CONSOLE = /^\/(api|health|metrics|docs|docs-json)(\/|$|\?|-)/;

/** The built console: `npm run build` writes it to dist/console (CONSOLE_DIR overrides, e.g. in a container). */
export function consoleDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CONSOLE_DIR) return path.resolve(env.CONSOLE_DIR);
  // From dist/apps/gateway/src/console/ (compiled) or apps/gateway/src/console/ (ts-jest) up to the root.
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'console');
}

/**
 * Serves the console (React single-page app) at `/`: its files as they are (hashed assets cached for a year),
 * and index.html for any other GET that asks for HTML, so /pledges or /volunteer reloads. Mounted before the
 * forwarding, it lets /api, /health, /metrics and /docs through untouched. When the console was not built,
 * the gateway runs without it and says so.
 */
export function serveConsole(app: INestApplication, env: NodeJS.ProcessEnv = process.env): void {
  const dir = consoleDirectory(env);
  const middleware = consoleMiddleware(dir);
  if (!middleware) {
    new Logger('Console').warn(`no console at ${dir} (run npm run build): / is not served`);
    return;
  }
  app.use(middleware);
  new Logger('Console').log(`/ → ${dir}`);
}

/** The middleware serving the console built in `dir`; undefined when there is none (no index.html). */
export function consoleMiddleware(dir: string): RequestHandler | undefined {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return undefined;
  const files = express.static(dir, {
    index: false,
    setHeaders: (res, file) => {
      res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_CONSOLE.test(req.path)) return next();
    files(req, res, () => {
      if (!req.accepts('html') || path.extname(req.path) !== '') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
}
