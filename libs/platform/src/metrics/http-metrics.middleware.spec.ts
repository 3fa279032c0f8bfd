import { routePatternOf } from './http-metrics.middleware';

describe('routePatternOf', () => {
  it('is the matched route pattern, under its mount path', () => {
    expect(routePatternOf({ baseUrl: '', route: { path: '/pledges/:id' } })).toBe('/pledges/:id');
    expect(routePatternOf({ baseUrl: '/admin', route: { path: '/rebuild' } })).toBe('/admin/rebuild');
  });

  it('is the mount path for a request a mounted middleware answered (the gateway proxies)', () => {
    expect(routePatternOf({ baseUrl: '/api/donors', route: undefined })).toBe('/api/donors/*');
  });

  it('is "unmatched" when no route, or only a catch-all, matched', () => {
    expect(routePatternOf({ baseUrl: '', route: undefined })).toBe('unmatched');
    expect(routePatternOf({ baseUrl: '', route: { path: '/{*path}' } })).toBe('unmatched');
  });
});
