import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { HalfYearDocumentQuery } from './half-year-document.dto';
import { HalfYearDocumentHandler } from './half-year-document.handler';
import { renderHtml } from './render-html';
import { renderPdf } from './render-pdf';

@ApiTags('reports')
@Controller('reports/documents')
export class HalfYearDocumentController {
  constructor(private readonly handler: HalfYearDocumentHandler) {}

  /** GET /reports/documents/half-year?year=2026&half=1[&lang=vi|en][&format=html|pdf] — the narrative report. */
  @Get('half-year')
  @ApiProduces('text/html', 'application/pdf')
  @ApiOkResponse({ description: "The half-year report in the provincial report's shape, every figure from GET /reports/summary" })
  @ApiBadRequestResponse({ description: 'year, half, lang or format missing or not allowed' })
  async document(@Query() query: HalfYearDocumentQuery): Promise<StreamableFile> {
    const lang = query.lang ?? 'vi';
    const doc = await this.handler.document(query.year, query.half, lang);
    const name = `half-year-${query.year}-${query.half}-${lang}`;
    if (query.format === 'pdf') {
      return new StreamableFile(await renderPdf(doc), { type: 'application/pdf', disposition: `attachment; filename="${name}.pdf"` });
    }
    return new StreamableFile(Buffer.from(renderHtml(doc), 'utf8'), { type: 'text/html; charset=utf-8', disposition: `inline; filename="${name}.html"` });
  }
}
