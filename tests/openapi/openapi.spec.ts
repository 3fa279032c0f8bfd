// Builds each app's OpenAPI document the way bootstrapService does (Nest's preview mode: the module graph and its
// routes without connecting to PostgreSQL or Kafka) and holds every route to the convention in docs/api.md.
import 'reflect-metadata';
import { Body, Controller, INestApplication, Module, Param, Post, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiBadRequestResponse, ApiCreatedResponse } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import request from 'supertest';
import { OpenAPIObject } from '@nestjs/swagger';
/* eslint-disable @typescript-eslint/no-explicit-any */
import { buildOpenApiDocument, serveOpenApi, undocumentedRoutes } from '@giftflow/platform';
import { API_DOCS, serveApiDocs } from '../../apps/gateway/src/docs/serve-api-docs';
import { BeneficiariesModule } from '../../apps/beneficiaries/src/beneficiaries.module';
import { DonorsModule } from '../../apps/donors/src/donors.module';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { InventoryModule } from '../../apps/inventory/src/inventory.module';
import { ReportingModule } from '../../apps/reporting/src/reporting.module';

const APP_MODULES: [string, Type<unknown>][] = [
  ['donors', DonorsModule],
  ['inventory', InventoryModule],
  ['beneficiaries', BeneficiariesModule],
  ['reporting', ReportingModule],
  ['gateway', GatewayModule],
];

const previewApp = (module: Type<unknown>) => NestFactory.create(module, { preview: true, logger: false, abortOnError: false });

describe.each(APP_MODULES)('OpenAPI of %s', (service, module) => {
  let app: INestApplication;
  let document: OpenAPIObject;
  beforeAll(async () => {
    app = await previewApp(module);
    document = buildOpenApiDocument(app, service);
  });
  afterAll(() => app.close());

  it('documents every route: request body, success and error responses (see docs/api.md, "Documenting a route")', () => {
    expect(undocumentedRoutes(app, document)).toEqual([]);
  });

  it('has routes and the shared error body', () => {
    expect(Object.keys(document.paths)).toContain('/health');
    expect(document.components?.schemas?.ErrorBody).toBeDefined();
  });
});

describe('request schemas come from the class-validator decorators', () => {
  let donors: OpenAPIObject;
  let inventory: OpenAPIObject;
  beforeAll(async () => {
    for (const [module, set] of [[DonorsModule, (d: OpenAPIObject) => (donors = d)], [InventoryModule, (d: OpenAPIObject) => (inventory = d)]] as const) {
      const app = await previewApp(module);
      set(buildOpenApiDocument(app, 'test'));
      await app.close();
    }
  });
  const schema = (document: OpenAPIObject, name: string) => document.components!.schemas![name] as Record<string, any>;

  it('POST /pledges: fields, formats, bounds, nested lines and required ones', () => {
    const body = donors.paths['/pledges']!.post!.requestBody as { content: Record<string, { schema: { $ref: string } }> };
    expect(body.content['application/json']!.schema.$ref).toBe('#/components/schemas/RecordPledgeDto');
    const pledge = schema(donors, 'RecordPledgeDto');
    expect(pledge.required).toEqual(['donorId', 'lines']);
    expect(pledge.properties.donorId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(pledge.properties.lines).toMatchObject({ type: 'array', minItems: 1, maxItems: 200, items: { $ref: '#/components/schemas/PledgeLineDto' } });
    expect(schema(donors, 'PledgeLineDto').properties.quantity).toMatchObject({ type: 'integer', minimum: 1 });
    expect(schema(donors, 'OpenCampaignDto').properties.startsOn).toEqual({ type: 'string', format: 'date', pattern: '^(19|2\\d)\\d{2}-\\d{2}-\\d{2}$' });
  });

  it('a @Query() DTO becomes query parameters; Idempotency-Key is a documented header (X-Actor is ignored: the token says who acts)', () => {
    const stock = inventory.paths['/stock']!.get!.parameters as { name: string; in: string }[];
    expect(stock.map((p) => `${p.in}:${p.name}`).sort()).toEqual(['query:asOf', 'query:itemCode', 'query:warehouseCode']);
    const receipts = (inventory.paths['/receipts']!.post!.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`);
    expect(receipts).toEqual(['header:Idempotency-Key']);
    expect(inventory.components?.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
  });

  it('error answers carry the shared ErrorBody', () => {
    const notFound = donors.paths['/pledges/{id}']!.get!.responses['404'] as { content: Record<string, { schema: unknown }> };
    expect(notFound.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
  });
});

describe('undocumentedRoutes names each route that breaks the convention', () => {
  class UndocumentedDto {
    @IsString() name!: string;
  }
  class NoValidatorsDto {
    name!: string;
  }
  @Controller('things')
  class ThingsController {
    @Post(':id/rename')
    rename(@Param('id') _id: string, @Body() _body: UndocumentedDto) {
      return {};
    }

    @Post()
    @ApiCreatedResponse({ description: 'the thing' })
    create(@Body() _body: NoValidatorsDto) {
      return {};
    }

    @Post('loose')
    @ApiCreatedResponse({ description: 'whatever it was given' })
    @ApiBadRequestResponse({ description: 'never' })
    loose(@Body() _body: Record<string, unknown>) {
      return {};
    }
  }
  @Module({ controllers: [ThingsController] })
  class ThingsModule {}

  it('names two DTO classes of one app that share a name (they would share one schema)', async () => {
    const first = (() => {
      class LineDto {
        @IsString() a!: string;
      }
      return LineDto;
    })();
    const second = (() => {
      class LineDto {
        @IsString() b!: string;
      }
      return LineDto;
    })();
    @Controller('lines')
    class LinesController {
      @Post('a')
      @ApiCreatedResponse({ description: 'a' })
      @ApiBadRequestResponse({ description: 'bad a' })
      a(@Body() _body: InstanceType<typeof first>) {
        return {};
      }

      @Post('b')
      @ApiCreatedResponse({ description: 'b' })
      @ApiBadRequestResponse({ description: 'bad b' })
      b(@Body() _body: InstanceType<typeof second>) {
        return {};
      }
    }
    // TypeScript emits `Object` for a parameter typed through InstanceType<…>: say which class, as it would for a named one.
    Reflect.defineMetadata('design:paramtypes', [first], LinesController.prototype, 'a');
    Reflect.defineMetadata('design:paramtypes', [second], LinesController.prototype, 'b');
    @Module({ controllers: [LinesController] })
    class LinesModule {}
    const app = await previewApp(LinesModule);
    const gaps = undocumentedRoutes(app, buildOpenApiDocument(app, 'lines'));
    await app.close();
    expect(gaps).toEqual(['2 different DTO classes are named LineDto: rename one (OpenAPI names schemas by class name)']);
  });

  it('lists the missing responses and the undocumented body, by method, path and handler', async () => {
    const app = await previewApp(ThingsModule);
    const gaps = undocumentedRoutes(app, buildOpenApiDocument(app, 'things'));
    await app.close();
    expect(gaps).toEqual([
      'POST /things/{id}/rename (ThingsController.rename): no success response documented (@ApiOkResponse, @ApiCreatedResponse or @ApiAcceptedResponse)',
      'POST /things/{id}/rename (ThingsController.rename): validates its body but documents no 400 (@ApiBadRequestResponse)',
      'POST /things/{id}/rename (ThingsController.rename): has path parameter id but documents no 404 (@ApiNotFoundResponse)',
      'POST /things (ThingsController.create): validates its body but documents no 400 (@ApiBadRequestResponse)',
      'POST /things (ThingsController.create): its request body NoValidatorsDto is not documented (no fields: give the DTO class-validator decorators)',
      'POST /things/loose (ThingsController.loose): reads @Body() without a DTO class: its body cannot be validated or documented',
    ]);
  });
});

describe('served documents', () => {
  let app: INestApplication;
  beforeAll(async () => {
    // Preview mode: the gateway's users database is not needed to serve documents.
    app = await NestFactory.create(GatewayModule, { preview: true, logger: false, bodyParser: false, abortOnError: false });
    serveOpenApi(app, 'gateway');
    serveApiDocs(app);
    await app.init();
  });
  afterAll(() => app.close());

  it('GET /docs-json is the app document and GET /docs the UI', async () => {
    const json = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect((json.body as OpenAPIObject).openapi).toMatch(/^3\./);
    expect(Object.keys((json.body as OpenAPIObject).paths)).toContain('/health');
    const ui = await request(app.getHttpServer()).get('/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it("the gateway's GET /api/docs offers every service's document through the gateway", async () => {
    await request(app.getHttpServer()).get('/api/docs').expect(200);
    const init = await request(app.getHttpServer()).get('/api/docs/swagger-ui-init.js').expect(200);
    for (const name of ['donors', 'inventory', 'beneficiaries', 'reporting']) expect(init.text).toContain(`/api/${name}/docs-json`);
    expect(API_DOCS.map((d) => d.name)).toEqual(['donors', 'inventory', 'beneficiaries', 'reporting', 'gateway']);
  });
});
