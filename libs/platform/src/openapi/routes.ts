import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { NestContainer } from '@nestjs/core';

/** One HTTP route of an app, read from the same decorator metadata Nest routes by. */
export interface RouteInfo {
  controller: Type<unknown>;
  handler: string;
  /** GET, POST… */
  method: string;
  /** `/deliveries/{allocationId}/dispatch`, as OpenAPI spells it. */
  path: string;
  /** `POST /deliveries/{allocationId}/dispatch (DispatchDeliveryController.dispatch)`: how failures name a route. */
  label: string;
  /** Whether it reads the whole body with @Body(). */
  hasBody: boolean;
  /** The class of its @Body() parameter, when that is a DTO class. */
  body?: Type<unknown>;
  /** The class of its @Query() parameter, when the whole query is one DTO. */
  query?: Type<unknown>;
  pathParams: string[];
}

const joinPath = (...parts: (string | undefined)[]) =>
  '/' + parts.flatMap((p) => (p ?? '').split('/')).filter(Boolean).join('/');

/** `GET /deliveries/{allocationId}`: how the permissions table names the route a handler serves (null: not a route). */
export function routeKeyOf(controller: Type<unknown>, handler: string): string | null {
  const fn = (controller.prototype as Record<string, unknown>)[handler];
  if (typeof fn !== 'function') return null;
  const requestMethod = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
  const own = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
  if (requestMethod === undefined || own === undefined) return null;
  const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
  const nestPath = joinPath(Array.isArray(base) ? base[0] : base, Array.isArray(own) ? own[0] : own);
  return `${RequestMethod[requestMethod]} ${nestPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

/** Every route of every controller the app's modules declare. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const container = (app as unknown as { container: NestContainer }).container;
  const controllers = new Set<Type<unknown>>();
  for (const module of container.getModules().values()) {
    for (const wrapper of module.controllers.values()) controllers.add(wrapper.metatype as Type<unknown>);
  }
  const routes: RouteInfo[] = [];
  for (const controller of controllers) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const handler of Object.getOwnPropertyNames(prototype)) {
      if (handler === 'constructor' || typeof prototype[handler] !== 'function') continue;
      const fn = prototype[handler] as object;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
      const own = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
      if (requestMethod === undefined || own === undefined) continue;
      const nestPath = joinPath(Array.isArray(base) ? base[0] : base, Array.isArray(own) ? own[0] : own);
      const path = nestPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const method = RequestMethod[requestMethod];
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<string, { index: number; data?: unknown }>;
      const types = (Reflect.getMetadata('design:paramtypes', prototype, handler) ?? []) as Type<unknown>[];
      const argOf = (kind: RouteParamtypes) =>
        Object.entries(args).find(([key, arg]) => key.split(':')[0] === String(kind) && arg.data === undefined)?.[1];
      const dto = (kind: RouteParamtypes) => {
        const arg = argOf(kind);
        const type = arg ? types[arg.index] : undefined;
        return type && ![Object, String, Number, Boolean, Array].includes(type as never) ? type : undefined;
      };
      routes.push({
        controller,
        handler,
        method,
        path,
        label: `${method} ${path} (${controller.name}.${handler})`,
        hasBody: argOf(RouteParamtypes.BODY) !== undefined,
        body: dto(RouteParamtypes.BODY),
        query: dto(RouteParamtypes.QUERY),
        pathParams: [...nestPath.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!),
      });
    }
  }
  return routes;
}
