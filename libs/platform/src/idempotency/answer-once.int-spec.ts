import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Param, Post, UnprocessableEntityException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestDataSource } from '@giftflow/testing';
import { createValidationPipe } from '../http/validation.pipe';
import { answerOnce } from './answer-once';
import { CreateHttpIdempotencyTable1764900000000 } from './create-http-idempotency-table.migration';
import { IdempotentAnswer } from './idempotent-answer';
import { IdempotentRequest, IdempotentRequestOf } from './idempotent-request.decorator';

/**
 * The shared HTTP idempotency mechanism against the real PostgreSQL: a tiny app whose routes write a row and
 * answer it through answerOnce in one transaction, as every service's creating POSTs do.
 */
let db: DataSource;
let slowMs = 0;

@Controller('gifts')
class GiftsController {
  @Post()
  create(@Body() body: { name: string }, @IdempotentRequestOf() idem: IdempotentRequest | null): Promise<IdempotentAnswer<object>> {
    return db.transaction((m) =>
      answerOnce(m, idem, async () => {
        if (body.name === 'refused') throw new UnprocessableEntityException('refused by a rule');
        const id = randomUUID();
        await m.query('INSERT INTO gifts (id, name) VALUES ($1, $2)', [id, body.name]);
        if (slowMs) await m.query('SELECT pg_sleep($1)', [slowMs / 1000]); // the first request is still running when the others arrive
        return { id, name: body.name, valueVnd: 5_000_000_000, createdAt: new Date() };
      }),
    );
  }

  @Post(':id/wrap')
  @HttpCode(200)
  wrap(@Param('id') id: string, @IdempotentRequestOf({ required: true }) idem: IdempotentRequest): Promise<IdempotentAnswer<object>> {
    return db.transaction((m) => answerOnce(m, idem, async () => ({ id, wrapped: true })));
  }

  @Post(':id/unwrap')
  @HttpCode(202)
  unwrap(@Param('id') id: string, @IdempotentRequestOf() idem: IdempotentRequest | null): Promise<IdempotentAnswer<object>> {
    return db.transaction((m) => answerOnce(m, idem, async () => ({ id, unwrapped: true })));
  }
}

// No global interceptor: @IdempotentRequestOf() gives each of these routes IdempotentAnswerInterceptor, as in the services.
@Module({ controllers: [GiftsController] })
class GiftsModule {}

describe('answerOnce: one HTTP idempotency mechanism (real PostgreSQL)', () => {
  let app: INestApplication;
  const post = (body: object, key?: string) => {
    const r = request(app.getHttpServer()).post('/gifts');
    return (key ? r.set('Idempotency-Key', key) : r).send(body);
  };
  const gifts = async (name: string) => (await db.query('SELECT count(*)::int AS n FROM gifts WHERE name = $1', [name]))[0].n;

  beforeAll(async () => {
    db = await createTestDataSource('giftflow_test_platform_answer_once', ['CREATE TABLE gifts (id uuid PRIMARY KEY, name text NOT NULL)']);
    const runner = db.createQueryRunner();
    await new CreateHttpIdempotencyTable1764900000000().up(runner);
    await runner.release();
    app = await NestFactory.create(GiftsModule, { logger: ['error'] });
    app.useGlobalPipes(createValidationPipe());
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });
  afterEach(() => {
    slowMs = 0;
  });

  it('runs 10 concurrent requests with one key once: the others wait and answer the first one stored, never a 500', async () => {
    const key = randomUUID();
    slowMs = 300;

    const replies = await Promise.all(Array.from({ length: 10 }, () => post({ name: 'bicycle-concurrent' }, key)));

    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(replies.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(await gifts('bicycle-concurrent')).toBe(1);
  });

  it('replays the stored status and body, byte for byte, with Idempotent-Replayed: true, and writes nothing', async () => {
    const key = randomUUID();
    const first = await post({ name: 'backpack' }, key).expect(201);

    const replay = await post({ name: 'backpack' }, key).expect(201);

    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.text).toBe(first.text);
    expect(replay.body.valueVnd).toBe(5_000_000_000);
    expect(await gifts('backpack')).toBe(1);
    const [stored] = await db.query('SELECT route, response_status, response_body FROM http_idempotency WHERE idempotency_key = $1', [key]);
    expect(stored).toEqual({ route: 'POST /gifts', response_status: 201, response_body: first.body });
  });

  it('refuses the same key with another body, or on another route, with 422 and writes nothing', async () => {
    const key = randomUUID();
    const first = await post({ name: 'kite' }, key).expect(201);

    const otherBody = await post({ name: 'kite-2' }, key).expect(422);
    const otherRoute = await request(app.getHttpServer()).post(`/gifts/${first.body.id}/wrap`).set('Idempotency-Key', key).send({}).expect(422);

    expect(otherBody.body.message).toBe(`Idempotency-Key ${key} was already used for a different request (POST /gifts); send a new key for a new request`);
    expect(otherRoute.body.message).toContain('already used for a different request');
    expect(await gifts('kite-2')).toBe(0);
  });

  it('tells path parameters apart and answers a route its own status', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const key = randomUUID();
    const wrap = (id: string) => request(app.getHttpServer()).post(`/gifts/${id}/wrap`).set('Idempotency-Key', key).send({});

    expect((await wrap(a).expect(200)).body).toEqual({ id: a, wrapped: true });
    expect((await wrap(a).expect(200)).headers['idempotent-replayed']).toBe('true');
    await wrap(b).expect(422);
    await request(app.getHttpServer()).post(`/gifts/${a}/wrap`).send({}).expect(400);
  });

  it('stores nothing when the work is refused: the key stays free for a corrected retry', async () => {
    const key = randomUUID();

    await post({ name: 'refused' }, key).expect(422);
    const corrected = await post({ name: 'scholarship' }, key).expect(201);

    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    expect(await gifts('scholarship')).toBe(1);
  });

  it('sees the same body in another key order, or with null spelled out, as the same request', async () => {
    const key = randomUUID();
    const first = await post({ name: 'milk', note: null }, key).expect(201);
    expect((await post({ name: 'milk' }, key).expect(201)).body).toEqual(first.body);
  });

  it("answers the route's own status (@HttpCode) with a key, on a replay, and without a key", async () => {
    const key = randomUUID();
    const unwrap = () => request(app.getHttpServer()).post(`/gifts/${key}/unwrap`);
    await unwrap().set('Idempotency-Key', key).send({}).expect(202);
    expect((await unwrap().set('Idempotency-Key', key).send({}).expect(202)).headers['idempotent-replayed']).toBe('true');
    expect((await unwrap().send({}).expect(202)).headers['idempotent-replayed']).toBeUndefined();
  });

  it('without a key, every request is a new one', async () => {
    await post({ name: 'notebook' }).expect(201);
    await post({ name: 'notebook' }).expect(201);
    expect(await gifts('notebook')).toBe(2);
  });

  it('refuses to run outside a transaction, where the answer could not be stored with the change', async () => {
    const idem: IdempotentRequest = { key: randomUUID(), route: 'POST /gifts', requestHash: 'h', status: 201 };
    await expect(answerOnce(db.manager, idem, async () => 'x')).rejects.toThrow('inside the transaction');
  });
});
