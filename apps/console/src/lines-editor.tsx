// The "lines" of a pledge, receipt, transfer or plan: item and quantity per row, with optional extra columns.
import { useT } from './i18n';
import { Item, itemOptions } from './reference';
import { SelectField, TextField } from './ui';

export interface Line { itemCode: string; quantity: string; unitValueVnd?: string; expiresOn?: string }
export const emptyLine = (): Line => ({ itemCode: '', quantity: '1' });

export function LinesEditor(props: {
  legend: string; items: Item[] | undefined; lines: Line[]; onChange: (lines: Line[]) => void; withValue?: boolean; withExpiry?: boolean;
}) {
  const t = useT();
  const set = (i: number, patch: Partial<Line>) => props.onChange(props.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.lines.map((line, i) => (
        <div className="row" key={i} role="group" aria-label={t('lines.line', { n: i + 1 })}>
          <SelectField label={t('lines.item', { n: i + 1 })} value={line.itemCode} onChange={(v) => set(i, { itemCode: v })}
            options={itemOptions(props.items)} empty={t('common.choose')} required />
          <TextField label={t('lines.quantity', { n: i + 1 })} type="number" min={1} value={line.quantity} onChange={(v) => set(i, { quantity: v })} required />
          {props.withValue && (
            <TextField label={t('lines.unitValue', { n: i + 1 })} type="number" min={0} value={line.unitValueVnd ?? ''} onChange={(v) => set(i, { unitValueVnd: v })} />
          )}
          {props.withExpiry && (
            <TextField label={t('lines.expiresOn', { n: i + 1 })} type="date" value={line.expiresOn ?? ''} onChange={(v) => set(i, { expiresOn: v })} />
          )}
          {props.lines.length > 1 && (
            <button type="button" className="secondary" onClick={() => props.onChange(props.lines.filter((_, j) => j !== i))}>
              {t('lines.remove', { n: i + 1 })}
            </button>
          )}
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => props.onChange([...props.lines, emptyLine()])}>{t('lines.add')}</button>
    </fieldset>
  );
}

/** The lines as the API wants them: numbers, optional fields only when filled in. */
export const linesBody = (lines: Line[]) =>
  lines.map((l) => ({
    itemCode: l.itemCode,
    quantity: Number(l.quantity),
    ...(l.unitValueVnd ? { unitValueVnd: Number(l.unitValueVnd) } : {}),
    ...(l.expiresOn ? { expiresOn: l.expiresOn } : {}),
  }));
