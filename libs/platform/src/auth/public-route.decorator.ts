import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'giftflow:public-route';

/** A route anyone may call without a token (health, metrics, log-in): the permissions table's OPEN_ROUTES. */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
