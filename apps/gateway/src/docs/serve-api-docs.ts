import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument } from '@giftflow/platform';
import { UPSTREAM_NAMES } from '../upstreams';

/** The documents the gateway's picker offers: each service's own, fetched through the gateway, and the gateway's. */
export const API_DOCS = [
  ...UPSTREAM_NAMES.map((name) => ({ name, url: `/api/${name}/docs-json` })),
  { name: 'gateway', url: '/docs-json' },
];

/**
 * GET /api/docs: one Swagger UI for the whole system, with a picker over every service's /docs-json (read
 * through the gateway's forwarding, so it is always what the running service says). Each service's document
 * declares its server as ".", so "Try it out" goes through the gateway at /api/<service>/ too.
 */
export function serveApiDocs(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app, 'gateway'), {
    raw: false,
    explorer: true,
    customSiteTitle: 'giftflow API',
    swaggerOptions: { urls: API_DOCS, 'urls.primaryName': API_DOCS[0]!.name },
  });
}
