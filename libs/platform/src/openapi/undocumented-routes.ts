import { INestApplication, Type } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import { DECORATORS } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { dtoClasses } from './document-dtos';
import { listRoutes } from './routes';

type Responses = Record<string, { description?: string }>;

function resolve(document: OpenAPIObject, schema: SchemaObject | ReferenceObject | undefined): SchemaObject | undefined {
  if (schema && '$ref' in schema) return document.components?.schemas?.[schema.$ref.split('/').pop()!] as SchemaObject | undefined;
  return schema;
}

/**
 * What the convention in docs/api.md ("Documenting a route") asks of every route, as one line per gap, each
 * naming the route: a success response (@ApiOkResponse, @ApiCreatedResponse or @ApiAcceptedResponse), 400
 * where it validates a body or a query, 404 where a path parameter names something, a description on every
 * response, and for POST/PUT/PATCH with @Body() a request body whose schema has the DTO's fields.
 */
export function undocumentedRoutes(app: INestApplication, document: OpenAPIObject): string[] {
  const gaps: string[] = [];
  const routes = listRoutes(app);
  // OpenAPI names a schema by its class name: two DTO classes of one app with one name would share a schema.
  const byName = new Map<string, Set<Type<unknown>>>();
  for (const route of routes) {
    for (const dto of [route.body, route.query].flatMap((d) => (d ? [...dtoClasses(d)] : []))) {
      byName.set(dto.name, (byName.get(dto.name) ?? new Set()).add(dto));
    }
  }
  for (const [name, classes] of byName) {
    if (classes.size > 1) gaps.push(`${classes.size} different DTO classes are named ${name}: rename one (OpenAPI names schemas by class name)`);
  }
  for (const route of routes) {
    const own = (Reflect.getMetadata(DECORATORS.API_RESPONSE, (route.controller.prototype as Record<string, object>)[route.handler]!) ?? {}) as Responses;
    const shared = (Reflect.getMetadata(DECORATORS.API_RESPONSE, route.controller) ?? {}) as Responses;
    const responses = { ...shared, ...own };
    const statuses = Object.keys(responses).map(Number);
    const gap = (what: string) => gaps.push(`${route.label}: ${what}`);

    if (!statuses.some((s) => s >= 200 && s < 300)) gap('no success response documented (@ApiOkResponse, @ApiCreatedResponse or @ApiAcceptedResponse)');
    for (const [status, response] of Object.entries(responses)) {
      if (!response.description?.trim()) gap(`response ${status} has no description`);
    }
    if ((route.body || route.query) && !statuses.includes(400)) gap(`validates its ${route.body ? 'body' : 'query'} but documents no 400 (@ApiBadRequestResponse)`);
    if (route.pathParams.length > 0 && !statuses.includes(404)) gap(`has path parameter ${route.pathParams.join(', ')} but documents no 404 (@ApiNotFoundResponse)`);

    const operation = document.paths[route.path]?.[route.method.toLowerCase() as 'get'];
    if (!operation) {
      gap('is missing from the OpenAPI document');
      continue;
    }
    if (route.hasBody && !route.body) gap('reads @Body() without a DTO class: its body cannot be validated or documented');
    if (route.body && ['POST', 'PUT', 'PATCH'].includes(route.method)) {
      const body = operation.requestBody && 'content' in operation.requestBody ? operation.requestBody : undefined;
      const schema = resolve(document, body?.content['application/json']?.schema);
      if (!schema || Object.keys(schema.properties ?? {}).length === 0) {
        gap(`its request body ${route.body.name} is not documented (no fields: give the DTO class-validator decorators)`);
      }
    }
  }
  return gaps;
}
