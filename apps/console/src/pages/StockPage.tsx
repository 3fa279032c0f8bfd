import { FormEvent, useState } from 'react';
import { api, query } from '../api';
import { useT } from '../i18n';
import { MessageKey } from '../messages';
import { emptyLine, Line, LinesEditor, linesBody } from '../lines-editor';
import { itemOptions, useItems, useWarehouses, warehouseOptions } from '../reference';
import { useUser } from '../session';
import { ErrorMessage, fundToday, Notice, Section, SelectField, shortId, Table, TextField, useAction, useLoad } from '../ui';

interface StockRow { itemCode: string; warehouseCode: string; onHand: number; reserved: number; available: number; inTransit: number }
interface Lot { lotId: string; itemCode: string; warehouseCode: string; onHand: number; reserved: number; expiresOn: string | null }
interface StockTake { id: string; status: 'open' | 'closed'; warehouseCode: string; counts: Array<{ itemCode: string; counted: number; expected: number }>; variances: Array<{ itemCode: string; lotId: string; expected: number; counted: number; variance: number }> | null }
interface Transfer { id: string; status: string; fromWarehouseCode: string; toWarehouseCode: string }

const REASONS = ['damaged', 'expired', 'lost', 'found', 'count_correction', 'other'];
const inDays = (days: number) => new Date(Date.parse(fundToday()) + days * 86_400_000).toISOString().slice(0, 10);

function Adjust({ warehouseCode, onDone }: { warehouseCode: string; onDone: () => void }) {
  const t = useT();
  const items = useItems();
  const [form, setForm] = useState({ itemCode: '', quantity: '-1', reason: 'damaged', note: '' });
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api('/inventory/adjustments', { method: 'POST', idempotencyKey: crypto.randomUUID(), body: { warehouseCode, itemCode: form.itemCode, quantity: Number(form.quantity), reason: form.reason, ...(form.note ? { note: form.note } : {}) } });
      onDone();
      return t('stock.adjusted');
    });
  };
  return (
    <form className="grid" onSubmit={submit} aria-label={t('stock.adjust')}>
      <SelectField label={t('common.item')} value={form.itemCode} onChange={(v) => setForm({ ...form, itemCode: v })} options={itemOptions(items.data)} empty={t('common.choose')} required />
      <TextField label={t('stock.adjustQuantity')} type="number" value={form.quantity} onChange={(v) => setForm({ ...form, quantity: v })} required />
      <SelectField label={t('stock.reason')} value={form.reason} onChange={(v) => setForm({ ...form, reason: v })} options={REASONS.map((r) => ({ value: r, label: t(`adjustReason.${r}` as MessageKey) }))} />
      <TextField label={t('common.note')} value={form.note} onChange={(v) => setForm({ ...form, note: v })} />
      <button type="submit" disabled={action.busy || !warehouseCode}>{t('stock.adjust')}</button>
      <ErrorMessage error={action.error} />
      <Notice>{action.done}</Notice>
    </form>
  );
}

function TransferForm({ warehouseCode, onDone }: { warehouseCode: string; onDone: () => void }) {
  const t = useT();
  const items = useItems();
  const warehouses = useWarehouses();
  const [to, setTo] = useState('');
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [receiveId, setReceiveId] = useState('');
  const action = useAction();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const transfer = await api<Transfer>('/inventory/transfers', { method: 'POST', idempotencyKey: crypto.randomUUID(), body: { fromWarehouseCode: warehouseCode, toWarehouseCode: to, lines: linesBody(lines) } });
      setReceiveId(transfer.id);
      onDone();
      return t('stock.transferSent', { id: transfer.id });
    });
  };
  const receive = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api(`/inventory/transfers/${receiveId}/receive`, { method: 'POST', body: {} });
      onDone();
      return t('stock.transferReceived');
    });
  };
  return (
    <>
      <form onSubmit={send} aria-label={t('stock.transfer')}>
        <div className="grid">
          <SelectField label={t('stock.toWarehouse')} value={to} onChange={setTo} options={warehouseOptions(warehouses.data?.filter((w) => w.code !== warehouseCode))} empty={t('common.choose')} required />
        </div>
        <LinesEditor legend={t('stock.transferLines')} items={items.data} lines={lines} onChange={setLines} />
        <p><button type="submit" disabled={action.busy || !warehouseCode}>{t('stock.transfer')}</button></p>
      </form>
      <form className="grid" onSubmit={receive} aria-label={t('stock.receiveTransfer')}>
        <TextField label={t('stock.transferId')} value={receiveId} onChange={setReceiveId} required />
        <button type="submit" disabled={action.busy}>{t('stock.receiveTransfer')}</button>
      </form>
      <ErrorMessage error={action.error} />
      <Notice>{action.done}</Notice>
    </>
  );
}

function StockTakeForm({ warehouseCode, onDone }: { warehouseCode: string; onDone: () => void }) {
  const t = useT();
  const items = useItems();
  const [take, setTake] = useState<StockTake>();
  const [count, setCount] = useState({ itemCode: '', counted: '0' });
  const action = useAction();
  const open = () => void action.run(async () => { setTake(await api<StockTake>('/inventory/stock-takes', { method: 'POST', idempotencyKey: crypto.randomUUID(), body: { warehouseCode } })); });
  const record = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      setTake(await api<StockTake>(`/inventory/stock-takes/${take!.id}/counts`, { method: 'POST', idempotencyKey: crypto.randomUUID(), body: { lines: [{ itemCode: count.itemCode, counted: Number(count.counted) }] } }));
    });
  };
  const close = () => void action.run(async () => {
    setTake(await api<StockTake>(`/inventory/stock-takes/${take!.id}/close`, { method: 'POST', idempotencyKey: crypto.randomUUID() }));
    onDone();
    return t('stock.takeClosed');
  });
  return (
    <>
      {(!take || take.status === 'closed') && <button type="button" onClick={open} disabled={action.busy || !warehouseCode}>{t('stock.openTake')}</button>}
      {take?.status === 'open' && (
        <>
          <p>{t('stock.takeOpen', { id: shortId(take.id) })}</p>
          <form className="grid" onSubmit={record} aria-label={t('stock.recordCount')}>
            <SelectField label={t('common.item')} value={count.itemCode} onChange={(v) => setCount({ ...count, itemCode: v })} options={itemOptions(items.data)} empty={t('common.choose')} required />
            <TextField label={t('stock.counted')} type="number" min={0} value={count.counted} onChange={(v) => setCount({ ...count, counted: v })} required />
            <button type="submit" disabled={action.busy}>{t('stock.recordCount')}</button>
          </form>
          <Table caption={t('stock.counts')} rows={take.counts} rowKey={(c) => `${c.itemCode}-${c.counted}-${c.expected}`}
            columns={[{ header: t('common.item'), cell: (c) => c.itemCode }, { header: t('stock.expected'), cell: (c) => c.expected, numeric: true }, { header: t('stock.counted'), cell: (c) => c.counted, numeric: true }]} />
          <p><button type="button" onClick={close} disabled={action.busy}>{t('stock.closeTake')}</button></p>
        </>
      )}
      {take?.status === 'closed' && (
        <Table caption={t('stock.variances')} rows={take.variances ?? []} rowKey={(v) => v.lotId}
          columns={[{ header: t('common.item'), cell: (v) => v.itemCode }, { header: t('stock.expected'), cell: (v) => v.expected, numeric: true }, { header: t('stock.counted'), cell: (v) => v.counted, numeric: true }, { header: t('stock.variance'), cell: (v) => v.variance, numeric: true }]} />
      )}
      <ErrorMessage error={action.error} />
      <Notice>{action.done}</Notice>
    </>
  );
}

export function StockPage() {
  const t = useT();
  const user = useUser();
  const warehouses = useWarehouses();
  const mine = user.role === 'warehouse_volunteer' ? warehouses.data?.filter((w) => user.warehouseCodes.includes(w.code)) : warehouses.data;
  const [warehouseCode, setWarehouseCode] = useState('');
  const stock = useLoad(() => (warehouseCode ? api<StockRow[]>(`/inventory/stock${query({ warehouseCode })}`) : Promise.resolve([])), [warehouseCode]);
  const lots = useLoad(() => (warehouseCode ? api<Lot[]>(`/inventory/lots${query({ warehouseCode, expiringBefore: inDays(30) })}`) : Promise.resolve([])), [warehouseCode]);
  const refresh = () => { stock.reload(); lots.reload(); };
  return (
    <>
      <h1>{t('nav.stock')}</h1>
      <div className="grid" style={{ marginBottom: 12 }}>
        <SelectField label={t('common.warehouse')} value={warehouseCode} onChange={setWarehouseCode} options={warehouseOptions(mine)} empty={t('common.choose')} />
      </div>
      <ErrorMessage error={warehouses.error ?? stock.error} />
      {warehouseCode && (
        <>
          <Section title={t('stock.onHand')}>
            <Table caption={t('stock.onHand')} rows={stock.data ?? []} rowKey={(r) => r.itemCode}
              columns={[
                { header: t('common.item'), cell: (r) => r.itemCode },
                { header: t('stock.onHandCol'), cell: (r) => r.onHand, numeric: true },
                { header: t('stock.reserved'), cell: (r) => r.reserved, numeric: true },
                { header: t('stock.available'), cell: (r) => r.available, numeric: true },
                { header: t('stock.inTransit'), cell: (r) => r.inTransit, numeric: true },
              ]} />
          </Section>
          <Section title={t('stock.expiring')}>
            <ErrorMessage error={lots.error} />
            <Table caption={t('stock.expiring')} rows={(lots.data ?? []).filter((l) => l.expiresOn)} rowKey={(l) => l.lotId}
              columns={[{ header: t('common.item'), cell: (l) => l.itemCode }, { header: t('stock.lot'), cell: (l) => shortId(l.lotId) }, { header: t('stock.onHandCol'), cell: (l) => l.onHand, numeric: true }, { header: t('lines.expiresOnHeader'), cell: (l) => l.expiresOn }]} />
          </Section>
          {user.role !== 'warehouse_volunteer' && (
            <>
              <Section title={t('stock.adjust')}><Adjust warehouseCode={warehouseCode} onDone={refresh} /></Section>
              <Section title={t('stock.transfer')}><TransferForm warehouseCode={warehouseCode} onDone={refresh} /></Section>
              <Section title={t('stock.take')}><StockTakeForm warehouseCode={warehouseCode} onDone={refresh} /></Section>
            </>
          )}
        </>
      )}
    </>
  );
}
