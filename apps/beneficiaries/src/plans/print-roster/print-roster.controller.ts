import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { rosterPdf } from './roster-pdf';
import { rosterCsv } from './roster-sheet';
import { PrintRosterDto } from './print-roster.dto';
import { PrintRosterView } from './print-roster.view';

@Controller('allocation-plans')
export class PrintRosterController {
  constructor(private readonly view: PrintRosterView) {}

  /** The tick-off sheet (rank, name, birth year, commune, guardian, gift, signature): staff only, never cached. */
  @Get(':id/roster')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv', 'application/pdf')
  @ApiOkResponse({ description: 'The printable tick-off sheet: CSV (UTF-8 with BOM, the default) or PDF' })
  @ApiBadRequestResponse({ description: 'A format other than csv or pdf, or an id that is not a UUID' })
  @ApiNotFoundResponse({ description: 'Unknown plan' })
  async roster(@Param('id', ParseUUIDPipe) id: string, @Query() query: PrintRosterDto, @Res() res: Response): Promise<void> {
    const { plan, campaignName, rows } = await this.view.sheet(id);
    const file = `plan-${plan.id}-roster`;
    if (query.format === 'pdf') {
      const title = `${plan.name ?? 'Allocation plan'}${campaignName ? ` — ${campaignName}` : ''}`;
      const subtitle = `Hand-out of ${plan.allocatedOn} · warehouse ${plan.warehouseCode} · ${rows.length} beneficiaries · plan ${plan.id} (${plan.status})`;
      res.type('application/pdf').attachment(`${file}.pdf`).send(await rosterPdf(title, subtitle, rows));
      return;
    }
    res.type('text/csv; charset=utf-8').attachment(`${file}.csv`).send(Buffer.from(rosterCsv(rows), 'utf8'));
  }
}
