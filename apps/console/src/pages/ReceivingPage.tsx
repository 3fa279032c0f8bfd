import { FormEvent, useEffect, useState } from 'react';
import { api, Page, query } from '../api';
import { useT } from '../i18n';
import { emptyLine, Line, LinesEditor, linesBody } from '../lines-editor';
import { campaignOptions, useCampaigns, useItems, useWarehouses, warehouseOptions } from '../reference';
import { ErrorMessage, Notice, Section, SelectField, shortId, TextField, useAction, useLoad } from '../ui';
import { Donor, Pledge } from './DonorsPage';

interface Receipt { id: string; pledgeId: string; lines: Array<{ lotId: string; itemCode: string; quantity: number }> }

/** Pledges still waiting for goods, newest first, labelled with the donor's name. */
function useOpenPledges() {
  return useLoad(async () => {
    const [pledged, partial, donors] = await Promise.all([
      api<Page<Pledge>>('/donors/pledges?status=pledged&pageSize=200'),
      api<Page<Pledge>>('/donors/pledges?status=partially_received&pageSize=200'),
      api<Page<Donor>>('/donors/donors?pageSize=200'),
    ]);
    const names = new Map(donors.items.map((d) => [d.id, d.name]));
    return [...pledged.items, ...partial.items].map((p) => ({ ...p, donorName: names.get(p.donorId) ?? shortId(p.donorId) }));
  }, []);
}

function AgainstPledge({ warehouseCode }: { warehouseCode: string }) {
  const t = useT();
  const items = useItems();
  const pledges = useOpenPledges();
  const [pledgeId, setPledgeId] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const action = useAction();
  const pledge = pledges.data?.find((p) => p.id === pledgeId);
  useEffect(() => {
    // What is still outstanding on each line, ready to be received as it is or corrected.
    if (pledge) setLines(pledge.lines.filter((l) => l.pledged > l.received).map((l) => ({ itemCode: l.itemCode, quantity: String(l.pledged - l.received) })));
  }, [pledge]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const receipt = await api<Receipt>('/inventory/receipts', {
        method: 'POST', idempotencyKey: crypto.randomUUID(),
        body: { pledgeId, warehouseCode, ...(receivedOn ? { receivedOn } : {}), lines: linesBody(lines) },
      });
      pledges.reload();
      setPledgeId('');
      return t('receiving.received', { n: receipt.lines.reduce((s, l) => s + l.quantity, 0), id: shortId(receipt.id) });
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('receiving.againstPledge')}>
      <div className="grid">
        <SelectField label={t('receiving.pledge')} value={pledgeId} onChange={setPledgeId} required empty={t('common.choose')}
          options={(pledges.data ?? []).map((p) => ({ value: p.id, label: `${p.donorName} · ${p.pledgedOn} · ${p.lines.map((l) => `${l.itemCode} ${l.received}/${l.pledged}`).join(', ')}` }))} />
        <TextField label={t('receiving.receivedOn')} type="date" value={receivedOn} onChange={setReceivedOn} />
      </div>
      <LinesEditor legend={t('receiving.lines')} items={items.data} lines={lines} onChange={setLines} withExpiry />
      <p><button type="submit" disabled={action.busy || !warehouseCode}>{t('receiving.receive')}</button></p>
      <ErrorMessage error={action.error ?? pledges.error} />
      <Notice>{action.done}</Notice>
    </form>
  );
}

function WalkIn({ warehouseCode }: { warehouseCode: string }) {
  const t = useT();
  const items = useItems();
  const campaigns = useCampaigns('open');
  const [search, setSearch] = useState('');
  const donors = useLoad(() => api<Page<Donor>>(`/donors/donors${query({ search, pageSize: 50 })}`), [search]);
  const [donorId, setDonorId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const receipt = await api<Receipt>('/inventory/receipts', {
        method: 'POST', idempotencyKey: crypto.randomUUID(),
        body: { donorId, warehouseCode, ...(campaignId ? { campaignId } : {}), lines: linesBody(lines) },
      });
      setLines([emptyLine()]);
      return t('receiving.received', { n: receipt.lines.reduce((s, l) => s + l.quantity, 0), id: shortId(receipt.id) });
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('receiving.walkIn')}>
      <div className="grid">
        <TextField label={t('donors.searchLabel')} type="search" value={search} onChange={setSearch} />
        <SelectField label={t('common.donor')} value={donorId} onChange={setDonorId} required empty={t('common.choose')}
          options={(donors.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        <SelectField label={t('common.campaign')} value={campaignId} onChange={setCampaignId} options={campaignOptions(campaigns.data)} empty={t('common.noCampaign')} />
      </div>
      <LinesEditor legend={t('receiving.lines')} items={items.data} lines={lines} onChange={setLines} withExpiry />
      <p><button type="submit" disabled={action.busy || !warehouseCode}>{t('receiving.receive')}</button></p>
      <ErrorMessage error={action.error} />
      <Notice>{action.done}</Notice>
    </form>
  );
}

export function ReceivingPage() {
  const t = useT();
  const warehouses = useWarehouses();
  const [warehouseCode, setWarehouseCode] = useState('');
  return (
    <>
      <h1>{t('nav.receiving')}</h1>
      <div className="grid" style={{ marginBottom: 12 }}>
        <SelectField label={t('common.warehouse')} value={warehouseCode} onChange={setWarehouseCode} options={warehouseOptions(warehouses.data)} empty={t('common.choose')} required />
      </div>
      <ErrorMessage error={warehouses.error} />
      <Section title={t('receiving.againstPledge')}><AgainstPledge warehouseCode={warehouseCode} /></Section>
      <Section title={t('receiving.walkIn')}><WalkIn warehouseCode={warehouseCode} /></Section>
    </>
  );
}
