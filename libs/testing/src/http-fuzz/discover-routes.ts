import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';

/** One HTTP route of a Nest app, as its decorators declare it: what the fuzzer needs to aim at it. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express-style, e.g. `/deliveries/:allocationId/confirm`. */
  path: string;
  /** `:name` parameters in order, with whether a ParseUUIDPipe guards each. */
  params: { name: string; uuid: boolean }[];
  /** The DTO class of `@Body()`, if any. */
  body?: Type<unknown>;
  /** The DTO class of `@Query()`, if any (or `@Query('name')` names). */
  query?: Type<unknown>;
  queryNames: string[];
  /** `Controller.method`, for reports. */
  handler: string;
}

const METHODS: Partial<Record<RequestMethod, RouteSpec['method']>> = {
  [RequestMethod.GET]: 'GET', [RequestMethod.POST]: 'POST', [RequestMethod.PUT]: 'PUT', [RequestMethod.PATCH]: 'PATCH', [RequestMethod.DELETE]: 'DELETE',
};

type ModuleRef = Type<unknown> | { module: Type<unknown>; controllers?: Type<unknown>[]; imports?: unknown[] } | { forwardRef: () => unknown };

/** Every controller of a module and the modules it imports (static and dynamic), each once. */
export function controllersOf(root: Type<unknown>): Type<unknown>[] {
  const seen = new Set<unknown>();
  const controllers: Type<unknown>[] = [];
  const visit = (ref: unknown): void => {
    if (!ref || seen.has(ref)) return;
    seen.add(ref);
    if (typeof ref === 'object' && 'forwardRef' in (ref as object)) return visit((ref as { forwardRef: () => unknown }).forwardRef());
    if (typeof ref === 'object' && 'module' in (ref as object)) {
      const dynamic = ref as Exclude<ModuleRef, Type<unknown>>;
      if ('module' in dynamic) {
        controllers.push(...(dynamic.controllers ?? []));
        (dynamic.imports ?? []).forEach(visit);
        return visit(dynamic.module);
      }
    }
    if (typeof ref !== 'function') return;
    controllers.push(...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, ref) as Type<unknown>[] | undefined) ?? []));
    ((Reflect.getMetadata(MODULE_METADATA.IMPORTS, ref) as unknown[] | undefined) ?? []).forEach(visit);
  };
  visit(root);
  return [...new Set(controllers)];
}

const join = (...parts: string[]) => '/' + parts.flatMap((p) => p.split('/')).filter(Boolean).join('/');

/**
 * The routes of a Nest module, read from the same decorator metadata Nest builds its router from
 * (@Controller, @Get/@Post…, @Param/@Body/@Query and their design types), so a route added tomorrow is
 * found without anyone listing it. No app is created: it works against a running system too.
 */
export function discoverRoutes(root: Type<unknown>): RouteSpec[] {
  const routes: RouteSpec[] = [];
  for (const controller of controllersOf(root)) {
    const prefixes = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat() as string[];
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || typeof proto[name] !== 'function') continue;
      const fn = proto[name] as object;
      const paths = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
      const method = METHODS[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod];
      if (paths === undefined || !method) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number; data?: unknown; pipes?: unknown[] }>;
      const types = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as Type<unknown>[];
      const argsOf = (kind: RouteParamtypes) =>
        Object.entries(args).filter(([key]) => key.split(':')[0] === String(kind)).map(([, a]) => a);
      const dto = (kind: RouteParamtypes) => {
        const whole = argsOf(kind).find((a) => a.data === undefined);
        const type = whole && types[whole.index];
        return type && ![Object, String, Number, Boolean, Array].includes(type as never) ? type : undefined;
      };
      const uuidParams = new Set(argsOf(RouteParamtypes.PARAM)
        .filter((a) => (a.pipes ?? []).some((p) => (typeof p === 'function' ? p : (p as object).constructor).name === 'ParseUUIDPipe'))
        .map((a) => a.data));
      for (const prefix of prefixes) {
        for (const sub of [paths].flat()) {
          const path = join(prefix, sub);
          routes.push({
            method,
            path,
            params: [...path.matchAll(/:(\w+)/g)].map(([, p]) => ({ name: p, uuid: uuidParams.has(p) })),
            body: dto(RouteParamtypes.BODY),
            query: dto(RouteParamtypes.QUERY),
            queryNames: argsOf(RouteParamtypes.QUERY).flatMap((a) => (typeof a.data === 'string' ? [a.data] : [])),
            handler: `${controller.name}.${name}`,
          });
        }
      }
    }
  }
  return routes;
}
