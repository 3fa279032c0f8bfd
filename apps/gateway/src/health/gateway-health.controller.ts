import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { PublicRoute } from '@giftflow/platform';
import { UPSTREAM_NAMES, upstreamUrl } from '../upstreams';

/** GET /health: the gateway has no database; it is healthy when every service it forwards to is. */
@PublicRoute()
@Controller('health')
export class GatewayHealthController {
  @Get()
  @ApiOkResponse({ description: '{status: "ok", services: {donors: "up", …}}: every service answers its /health' })
  @ApiServiceUnavailableResponse({ description: '{status: "degraded", services} naming the services that are down' })
  async health(@Res({ passthrough: true }) res: Response) {
    const entries = await Promise.all(
      UPSTREAM_NAMES.map(async (name) => {
        try {
          const reply = await fetch(`${upstreamUrl(name)}/health`, { signal: AbortSignal.timeout(3000) });
          return [name, reply.ok ? 'up' : 'down'] as const;
        } catch {
          return [name, 'down'] as const;
        }
      }),
    );
    const services = Object.fromEntries(entries);
    const ok = entries.every(([, state]) => state === 'up');
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', services };
  }
}
