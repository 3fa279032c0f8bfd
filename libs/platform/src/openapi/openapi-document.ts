import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ResponseObject } from '@nestjs/swagger';
import { documentDto } from './document-dtos';
import { listRoutes } from './routes';

/** The body every 4xx/5xx answer has (Nest's exceptions and our validation pipe). */
const ERROR_BODY = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 422 },
    error: { type: 'string', example: 'Unprocessable Entity' },
    message: {
      description: 'what is wrong: one message per bad field for a 400, else one sentence',
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
  },
} as const;

/**
 * The OpenAPI document of one app: its routes with their decorators (docs/api.md, "Documenting a route"),
 * request bodies and query parameters derived from the DTOs' class-validator decorators, and every error
 * answer typed as ErrorBody.
 */
export function buildOpenApiDocument(app: INestApplication, service: string): OpenAPIObject {
  for (const route of listRoutes(app)) {
    if (route.body) documentDto(route.body);
    if (route.query) documentDto(route.query);
  }
  const config = new DocumentBuilder()
    .setTitle(`giftflow ${service}`)
    .setDescription(`The ${service} service's HTTP API. Conventions (errors, Idempotency-Key): docs/api.md. Every route but /health, /metrics and `
      + 'POST /api/auth/login needs `Authorization: Bearer <accessToken>` from POST /api/auth/login on the gateway (docs/security.md).')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .setVersion(process.env.npm_package_version ?? '0.1.0')
    // Relative to where this document was fetched from: the service itself, or /api/<service>/ on the gateway.
    .addServer('.', `${service}, directly or through the gateway at /api/${service}`)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY as never } };
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as { responses?: Record<string, ResponseObject> }[]) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) >= 400 && !response.content) {
          response.content = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } };
        }
      }
    }
  }
  return document;
}

/** GET /docs (Swagger UI) and GET /docs-json on every app; bootstrapService calls it. */
export function serveOpenApi(app: INestApplication, service: string): OpenAPIObject {
  const document = buildOpenApiDocument(app, service);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: `giftflow ${service} API` });
  return document;
}
