import { Body, Controller, Get, INestApplication, Logger, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import request from 'supertest';
import { QueryFailedError } from 'typeorm';
import { configureHttpEdge } from './configure-http-edge';
import { isDependencyUnavailable } from './edge-exception.filter';
import { HttpEdgeModule } from './http-edge.module';
import { IsCode } from './validators';

class LineDto {
  @IsCode() itemCode!: string;
  @IsInt() quantity!: number;
}
class AddressDto {
  @IsString() street!: string;
}
class OrderDto {
  @IsString() name!: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => LineDto) lines!: LineDto[];
  @IsOptional() @ValidateNested() @Type(() => AddressDto) address?: AddressDto;
}
class FilterDto {
  @IsOptional() @IsCode() itemCode?: string;
}

const deadlock = () => new QueryFailedError('SELECT 1', [], Object.assign(new Error('deadlock detected'), { code: '40P01' }));
let flakyCalls = 0;

@Controller('things')
class ThingsController {
  @Get('flaky') flaky() {
    if (++flakyCalls < 3) throw deadlock();
    return { calls: flakyCalls };
  }
  @Get('filter') filter(@Query() query: FilterDto) {
    return { instance: query instanceof FilterDto, itemCode: query.itemCode ?? null };
  }
  @Post('flaky') flakyWrite(): never {
    throw deadlock();
  }
  @Post() create(@Body() body: OrderDto) {
    return { lines: body.lines.map((l) => l.itemCode), street: body.address?.street ?? null };
  }
  @Get() list(@Query() query: FilterDto) {
    return { itemCode: query.itemCode ?? null };
  }
  @Get('crash') crash(): never {
    throw new Error('secret detail: password=hunter2');
  }
  @Get('bad-uuid') badUuid(): never {
    throw new QueryFailedError('SELECT 1', [], Object.assign(new Error('invalid input syntax for type uuid: "x"'), { code: '22P02' }));
  }
  @Post('publish') publish(): never {
    throw new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { retryCount: 5, retryTime: 1000 });
  }
  @Get('database-down') databaseDown(): never {
    throw new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
  }
  @Get(':code') one(@Param('code') code: string) {
    return { code };
  }
}

@Module({ imports: [HttpEdgeModule], controllers: [ThingsController] })
class EdgeTestModule {}

describe('the HTTP edge (guard, validation pipe, exception filter)', () => {
  let app: INestApplication;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await NestFactory.create(EdgeTestModule, { logger: false });
    configureHttpEdge(app);
    await app.init();
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterAll(() => app.close());

  const api = () => request(app.getHttpServer());
  const aBody = (overrides: Record<string, unknown> = {}) => ({ name: 'n', lines: [{ itemCode: 'bike', quantity: 1 }], ...overrides });

  it('passes a good body, query and param', async () => {
    await api().post('/things').send(aBody({ address: { street: 'Lê Lợi' } })).expect(201, { lines: ['bike'], street: 'Lê Lợi' });
    await api().get('/things?itemCode=bike').expect(200, { itemCode: 'bike' });
    await api().get('/things/bike').expect(200, { code: 'bike' });
  });

  it('an empty query or body is validated the same the second time (a DTO that passed empty is remembered as such)', async () => {
    for (let i = 0; i < 2; i++) {
      await api().get('/things/filter').expect(200, { instance: true, itemCode: null });
      await api().post('/things').send({}).expect(400);
    }
    await api().get('/things/filter?itemCode=%00').expect(400);
    await api().get('/things/filter?itemCode=bike').expect(200, { instance: true, itemCode: 'bike' });
  });

  it('regression: `lines: [[]]` (an array where an object is declared) is a 400 naming the element, not a 500', async () => {
    const reply = await api().post('/things').send(aBody({ lines: [[]] })).expect(400);
    expect(reply.body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['lines.0 must be an object'] });
    const nested = await api().post('/things').send(aBody({ lines: [[{ itemCode: 'bike', quantity: 1 }]], address: [{ street: 's' }] })).expect(400);
    expect(nested.body.message).toEqual(['lines.0 must be an object', 'address must be an object']);
    await api().post('/things').send(aBody({ lines: ['x', null] })).expect(400, { statusCode: 400, error: 'Bad Request', message: ['lines.0 must be an object', 'lines.1 must be an object'] });
  });

  it('regression: a NUL in a body string, a path id or a query is a 400 naming the field', async () => {
    const body = await api().post('/things').send(aBody({ name: 'a\u0000', lines: [{ itemCode: 'bike', quantity: 1, extra: 'x' }] })).expect(400);
    expect(body.body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['name must not contain a NUL character'] });
    const param = await api().get('/things/%00').expect(400);
    expect(param.body.message).toEqual(['code must not contain a NUL character']);
    const query = await api().get('/things?itemCode=%00&other=%00').expect(400);
    expect(query.body.message).toEqual(['itemCode must not contain a NUL character', 'other must not contain a NUL character']);
  });

  it('refuses lone surrogates, over-long strings and NUL in the headers the services read', async () => {
    const surrogate = await api().post('/things').set('content-type', 'application/json').send('{"name":"\\ud800","lines":[]}').expect(400);
    expect(surrogate.body.message).toEqual(['name must be valid Unicode text (it contains a lone surrogate)']);
    await api().get(`/things/${'x'.repeat(201)}`).expect(400, { statusCode: 400, error: 'Bad Request', message: ['code must be at most 200 characters'] });
    const key = await api().post('/things').set('Idempotency-Key', 'k'.repeat(201)).send(aBody()).expect(400);
    expect(key.body.message).toEqual(['Idempotency-Key header must be at most 200 characters']);
  });

  it('answers Express-level errors as JSON 4xx: malformed JSON, bad percent-encoding, a body over the limit', async () => {
    const json = await api().post('/things').set('content-type', 'application/json').send('{"name":').expect(400);
    expect(json.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Unexpected end of JSON input' });
    const uri = await api().get('/things/%E0%A4%A').expect(400);
    expect(uri.body).toEqual({ statusCode: 400, error: 'Bad Request', message: "Failed to decode param '%E0%A4%A'" });
    const big = await api().post('/things').send(aBody({ name: 'x'.repeat(1_100_000) })).expect(413);
    expect(big.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'request entity too large' });
  });

  it('an unexpected error is a 500 with a correlation id in its body and its log line, never the raw error', async () => {
    const reply = await api().get('/things/crash').set('X-Correlation-Id', 'req-42').expect(500);
    expect(reply.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error', correlationId: 'req-42' });
    expect(reply.headers['x-correlation-id']).toBe('req-42');
    expect(errors.some((line) => line.startsWith('req-42 GET /things/crash → 500') && line.includes('password=hunter2'))).toBe(true);
    const generated = await api().get('/things/crash').expect(500);
    expect(generated.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(generated.body)).not.toContain('hunter2');
  });

  it('a PostgreSQL data exception validation missed is a 400, not a 500', async () => {
    const reply = await api().get('/things/bad-uuid').expect(400);
    expect(reply.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: ['a value in the request is not of the type its field needs'] });
  });

  it('reads again a GET that lost a deadlock (twice at most), then 409; a write is not retried: 409 retry it', async () => {
    await api().get('/things/flaky').expect(200, { calls: 3 });
    flakyCalls = -10;
    await api().get('/things/flaky').expect(409);
    expect(flakyCalls).toBe(-7);
    const write = await api().post('/things/flaky').expect(409);
    expect(write.body).toMatchObject({ statusCode: 409, error: 'Conflict', message: 'the request conflicted with a concurrent change; retry it' });
  });

  it('a broker or database that is unavailable is a 503 with Retry-After, not a 500', async () => {
    const broker = await api().post('/things/publish').set('X-Correlation-Id', 'req-503').expect(503);
    expect(broker.headers['retry-after']).toBe('5');
    expect(broker.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'a service this request needs is unavailable; retry it shortly', correlationId: 'req-503' });
    expect(errors.some((line) => line.startsWith('req-503 POST /things/publish → 503'))).toBe(true);
    await api().get('/things/database-down').expect(503);
  });

  it('counts what kafkajs calls retriable (a leader that just moved) as unavailable, not a bug', () => {
    const notLeader = new KafkaJSProtocolError({ message: 'This server is not the leader for that topic-partition', type: 'NOT_LEADER_FOR_PARTITION', code: 6, retriable: true } as unknown as Error);
    const unauthorized = new KafkaJSProtocolError({ message: 'Not authorized to access topics', type: 'TOPIC_AUTHORIZATION_FAILED', code: 29, retriable: false } as unknown as Error);
    expect(isDependencyUnavailable(notLeader)).toBe(true);
    expect(isDependencyUnavailable(unauthorized)).toBe(false);
    expect(isDependencyUnavailable(new KafkaJSNonRetriableError('a bad request'))).toBe(false);
    expect(isDependencyUnavailable(new Error('a bug'))).toBe(false);
  });

  it('sends no x-powered-by', async () => {
    const reply = await api().get('/things/bike');
    expect(reply.headers['x-powered-by']).toBeUndefined();
  });
});

describe('requests Node refuses before the app sees them', () => {
  it('answers headers over 16 KB with a JSON 431', async () => {
    const app = await NestFactory.create(EdgeTestModule, { logger: false });
    configureHttpEdge(app);
    await app.listen(0, '127.0.0.1');
    try {
      const { port } = app.getHttpServer().address() as { port: number };
      const reply = await fetch(`http://127.0.0.1:${port}/things/bike`, { headers: { 'x-actor': 'x'.repeat(20_000) } });
      expect(reply.status).toBe(431);
      expect(await reply.json()).toEqual({ statusCode: 431, error: 'Request Header Fields Too Large', message: 'request headers are too large' });
    } finally {
      await app.close();
    }
  });
});
