import 'reflect-metadata';
import { pageOf, pageRequestOf } from './page';

describe('pageRequestOf', () => {
  it('defaults to the first page of 20', () => {
    expect(pageRequestOf({})).toEqual({ page: 1, pageSize: 20, offset: 0, limit: 20 });
  });

  it('reads numbers or query strings and keeps them within bounds', () => {
    expect(pageRequestOf({ page: '3', pageSize: '50' })).toEqual({ page: 3, pageSize: 50, offset: 100, limit: 50 });
    expect(pageRequestOf({ page: 0, pageSize: 10_000 })).toMatchObject({ page: 1, pageSize: 200 });
    expect(pageRequestOf({ page: 'two', pageSize: '1.5' })).toMatchObject({ page: 1, pageSize: 20 });
  });
});

describe('pageOf', () => {
  it('answers {items, total, page, pageSize} with a numeric total', () => {
    expect(pageOf(['a'], '41', pageRequestOf({ page: 2, pageSize: 40 }))).toEqual({ items: ['a'], total: 41, page: 2, pageSize: 40 });
  });
});
