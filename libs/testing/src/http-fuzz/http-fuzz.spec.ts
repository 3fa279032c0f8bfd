import { Body, Controller, Get, Module, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import fc from 'fast-check';
import { IsCode } from '@giftflow/platform';
import { discoverRoutes } from './discover-routes';
import { PoolRef, dtoArbitrary } from './dto-arbitrary';
import { ValuePool, badAnswer, mutate, percentEncode, requestArbitrary, resolveRequest } from './fuzz-request';

class LineDto {
  @IsCode() itemCode!: string;
  @IsInt() @Min(1) @Max(100) quantity!: number;
}
class OrderDto {
  @IsUUID() childId!: string;
  @IsOptional() @IsCode() warehouseCode?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => LineDto) lines!: LineDto[];
}
class FilterDto {
  @IsOptional() @IsCode() itemCode?: string;
}

@Controller('orders')
class OrdersController {
  @Post() place(@Body() _body: OrderDto) {}
  @Get() list(@Query() _query: FilterDto) {}
  @Get(':id') one(@Param('id', ParseUUIDPipe) _id: string) {}
  @Post(':id/lines/:code') line(@Param('id') _id: string, @Param('code') _code: string) {}
}
@Controller('health')
class HealthController {
  @Get() health() {}
}
@Module({ controllers: [HealthController] })
class CoreModule {}
@Module({ imports: [{ module: CoreModule, controllers: [] } as never], controllers: [OrdersController] })
class ShopModule {}

describe('discoverRoutes', () => {
  it('reads every route of a module and its imports from Nest metadata, with body/query DTOs and UUID params', () => {
    const routes = discoverRoutes(ShopModule);
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /health', 'GET /orders', 'GET /orders/:id', 'POST /orders', 'POST /orders/:id/lines/:code']);
    expect(routes.find((r) => r.path === '/orders' && r.method === 'POST')?.body).toBe(OrderDto);
    expect(routes.find((r) => r.path === '/orders' && r.method === 'GET')?.query).toBe(FilterDto);
    expect(routes.find((r) => r.path === '/orders/:id')?.params).toEqual([{ name: 'id', uuid: true }]);
    expect(routes.find((r) => r.path === '/orders/:id/lines/:code')?.params).toEqual([{ name: 'id', uuid: false }, { name: 'code', uuid: false }]);
  });
});

describe('dtoArbitrary', () => {
  it('generates bodies that mostly pass the DTO\'s own validation (so fuzzing gets past the 400s)', () => {
    const pool = new ValuePool();
    const samples = fc.sample(dtoArbitrary(OrderDto), 200).map((b) => pool.resolve(b));
    const valid = samples.filter((b) => validateSync(plainToInstance(OrderDto, b) as object).length === 0);
    expect(valid.length).toBeGreaterThan(150);
  });
});

describe('requests on the wire', () => {
  it('percent-encodes NUL, lone surrogates (as invalid UTF-8) and pairs', () => {
    expect(percentEncode('a\u0000/b')).toBe('a%00%2Fb');
    expect(percentEncode('\uD800')).toBe('%ED%A0%80');
    expect(percentEncode('🚲')).toBe('%F0%9F%9A%B2');
  });

  it('mutates at any depth: set, delete, add', () => {
    const base = { lines: [{ itemCode: 'a' }] };
    expect(mutate(base, [{ pick: 3, op: 'set', key: '', value: [[]] }])).toEqual({ lines: [{ itemCode: [[]] }] });
    expect(mutate(base, [{ pick: 2, op: 'set', key: '', value: [] }])).toEqual({ lines: [[]] });
    expect(mutate(base, [{ pick: 1, op: 'delete', key: '', value: null }])).toEqual({});
    expect(mutate(base, [{ pick: 0, op: 'add', key: 'x', value: 1 }])).toEqual({ lines: [{ itemCode: 'a' }], x: 1 });
    expect(base).toEqual({ lines: [{ itemCode: 'a' }] });
  });

  it('never changes the values it inserts (fast-check shares constant instances between cases)', () => {
    const shared = { a: [] as unknown[] };
    const out = mutate({ x: 1 }, [
      { pick: 1, op: 'set', key: '', value: shared },
      { pick: 2, op: 'add', key: 'self', value: shared },
    ]) as { x: { a: unknown[]; self: unknown } };
    expect(shared).toEqual({ a: [] });
    expect(out.x.self).toEqual({ a: [] });
    expect(() => JSON.stringify(out)).not.toThrow();
  });

  it('resolves pool references to ids seen in earlier answers', () => {
    const pool = new ValuePool();
    pool.harvest({ id: '0c8e2c5e-4b8b-4d39-9a7e-0d6f1e0b9a11', lines: [{ itemCode: 'bike' }] });
    expect(pool.uuids).toEqual(['0c8e2c5e-4b8b-4d39-9a7e-0d6f1e0b9a11']);
    expect(pool.codes).toEqual(['bike']);
    const route = discoverRoutes(ShopModule).find((r) => r.path === '/orders/:id')!;
    const sent = resolveRequest(route, { method: 'GET', params: [new PoolRef('uuid', 7)], query: { q: '\u0000' }, headers: {}, body: { kind: 'none' } }, pool);
    expect(sent.path).toBe('/orders/0c8e2c5e-4b8b-4d39-9a7e-0d6f1e0b9a11?q=%00');
  });

  it('generates requests for every route', () => {
    for (const route of discoverRoutes(ShopModule)) expect(fc.sample(requestArbitrary(route), 20)).toHaveLength(20);
  });

  it('the property: 2xx, or 4xx with a message', () => {
    expect(badAnswer({ status: 201, body: '' })).toBeNull();
    expect(badAnswer({ status: 400, body: '{"message":["name must not contain a NUL character"]}' })).toBeNull();
    expect(badAnswer({ status: 404, body: '{"message":"item x not found"}' })).toBeNull();
    expect(badAnswer({ status: 400, body: '{"message":[]}' })).toBe('answered 400 without a message');
    expect(badAnswer({ status: 431, body: '' })).toBe('answered 431 without a JSON body');
    expect(badAnswer({ status: 500, body: '{"message":"Internal server error"}' })).toBe('answered 500');
  });
});
