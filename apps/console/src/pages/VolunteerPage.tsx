import { FormEvent, useCallback, useEffect, useState } from 'react';
import { api, Page, query } from '../api';
import { useT } from '../i18n';
import { MessageKey } from '../messages';
import { Mark, pendingMarks, queueMarks, sendPending, SyncResult } from '../offline-queue';
import { communeName, useItems, useWarehouses } from '../reference';
import { User, useUser } from '../session';
import { ErrorMessage, SelectField, TextField, useLoad } from '../ui';

interface Delivery {
  allocationId: string; beneficiaryId: string; beneficiaryKind: 'child' | 'institution'; warehouseCode: string; status: string;
  lines: Array<{ itemCode: string; quantity: number }>; volunteer: string | null; dispatchRunId: string | null;
}
/** What a delivery needs of the child: name, commune, guardian. */
interface Recipient { name: string; communeCode: string | null; guardianName: string | null }

const RELATIONSHIPS = ['self', 'mother', 'father', 'grandparent', 'sibling', 'relative', 'guardian', 'teacher', 'staff', 'other'];
const FAIL_REASONS = ['not_home', 'moved', 'refused', 'wrong_address', 'damaged', 'other'];
const OPEN = ['ready', 'dispatched'];
const RETRY_MS = 4_000;

async function recipientOf(d: Delivery): Promise<Recipient> {
  if (d.beneficiaryKind === 'institution') {
    const i = await api<{ name: string }>(`/beneficiaries/institutions/${d.beneficiaryId}`);
    return { name: i.name, communeCode: null, guardianName: null };
  }
  const c = await api<{ fullName: string; communeCode: string; guardianName: string | null }>(`/beneficiaries/children/${d.beneficiaryId}`);
  return { name: c.fullName, communeCode: c.communeCode, guardianName: c.guardianName };
}

async function listDeliveries(filter: Record<string, string>): Promise<Delivery[]> {
  return (await api<Page<Delivery>>(`/inventory/deliveries${query({ ...filter, pageSize: 200 })}`)).items;
}

/** My runs: deliveries whose volunteer names me by e-mail or by id. My warehouses: their open deliveries. */
async function loadDeliveries(user: User, tab: 'runs' | 'warehouse', warehouseCode: string) {
  let list: Delivery[];
  if (tab === 'runs') {
    const [byEmail, byId] = await Promise.all([listDeliveries({ volunteer: user.email }), listDeliveries({ volunteer: user.id })]);
    list = [...byEmail, ...byId];
  } else {
    list = warehouseCode ? (await Promise.all(OPEN.map((status) => listDeliveries({ warehouseCode, status })))).flat() : [];
  }
  // Still to do first, then what is done; each group oldest first, as the service lists them.
  const unique = [...new Map(list.map((d) => [d.allocationId, d])).values()].sort((a, b) => Number(!OPEN.includes(a.status)) - Number(!OPEN.includes(b.status)));
  const recipients = await Promise.all(unique.map((d) => recipientOf(d).catch(() => undefined)));
  return unique.map((d, i) => ({ ...d, recipient: recipients[i] }));
}

type Shown = Delivery & { recipient?: Recipient };

function DeliveryCard({ delivery, pending, itemName, onMark }: {
  delivery: Shown; pending: boolean; itemName: (code: string) => string; onMark: (d: Shown, marks: Array<Omit<Mark, 'clientOpId' | 'allocationId' | 'happenedAt'>>) => void;
}) {
  const t = useT();
  const [mode, setMode] = useState<'none' | 'confirm' | 'fail'>('none');
  const name = delivery.recipient?.name ?? t('volunteer.unknownRecipient');
  const [receivedBy, setReceivedBy] = useState(delivery.recipient?.guardianName ?? delivery.recipient?.name ?? '');
  const [relationship, setRelationship] = useState(delivery.recipient?.guardianName ? 'guardian' : 'self');
  const [reason, setReason] = useState('not_home');
  const headingId = `delivery-${delivery.allocationId}`;
  const open = OPEN.includes(delivery.status) && !pending;
  const dispatchFirst = delivery.status === 'ready' ? [{ action: 'dispatch' as const }] : [];
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    onMark(delivery, [...dispatchFirst, { action: 'confirm', receivedBy, relationship }]);
    setMode('none');
  };
  const fail = (e: FormEvent) => {
    e.preventDefault();
    onMark(delivery, [{ action: 'fail', reason }]);
    setMode('none');
  };
  return (
    <article className="delivery" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p>{communeName(delivery.recipient?.communeCode)} · {delivery.lines.map((l) => `${itemName(l.itemCode)} × ${l.quantity}`).join(', ')}</p>
      <p className="muted">{pending ? t('volunteer.waitingToSend') : t(`deliveryStatus.${delivery.status}` as MessageKey)}</p>
      {open && mode === 'none' && (
        <div className="actions">
          <button type="button" onClick={() => setMode('confirm')} aria-label={t('volunteer.deliveredTo', { name })}>{t('volunteer.delivered')}</button>
          <button type="button" className="fail" onClick={() => setMode('fail')} aria-label={t('volunteer.failedFor', { name })}>{t('volunteer.failed')}</button>
        </div>
      )}
      {mode === 'confirm' && (
        <form onSubmit={confirm} aria-label={t('volunteer.confirmFor', { name })}>
          <TextField label={t('volunteer.receivedBy')} value={receivedBy} onChange={setReceivedBy} required />
          <SelectField label={t('volunteer.relationship')} value={relationship} onChange={setRelationship} options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationship.${r}` as MessageKey) }))} />
          <div className="actions">
            <button type="submit">{t('volunteer.confirm')}</button>
            <button type="button" className="fail" onClick={() => setMode('none')}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
      {mode === 'fail' && (
        <form onSubmit={fail} aria-label={t('volunteer.failFor', { name })}>
          <SelectField label={t('volunteer.reason')} value={reason} onChange={setReason} options={FAIL_REASONS.map((r) => ({ value: r, label: t(`failReason.${r}` as MessageKey) }))} />
          <div className="actions">
            <button type="submit" className="fail">{t('volunteer.reportFailure')}</button>
            <button type="button" onClick={() => setMode('none')}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
    </article>
  );
}

export function VolunteerPage() {
  const t = useT();
  const user = useUser();
  const items = useItems();
  const warehouses = useWarehouses();
  const mine = user.role === 'warehouse_volunteer' ? user.warehouseCodes : (warehouses.data ?? []).map((w) => w.code);
  const [tab, setTab] = useState<'runs' | 'warehouse'>('runs');
  const [warehouseCode, setWarehouseCode] = useState(user.warehouseCodes[0] ?? '');
  const [pending, setPending] = useState<Mark[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const [problems, setProblems] = useState<SyncResult[]>([]);
  const [error, setError] = useState<unknown>();
  const deliveries = useLoad(() => loadDeliveries(user, tab, warehouseCode), [tab, warehouseCode, user.id]);
  const reloadDeliveries = deliveries.reload;
  const itemName = (code: string) => items.data?.find((i) => i.code === code)?.name ?? code;

  const send = useCallback(async () => {
    try {
      const results = await sendPending();
      setProblems((p) => [...p, ...results.filter((r) => r.outcome === 'conflict' || r.outcome === 'invalid')]);
      setError(undefined);
      if (results.length) reloadDeliveries();
    } catch (e) {
      setError(e);
    }
    setPending(await pendingMarks());
  }, [reloadDeliveries]);

  useEffect(() => {
    const up = () => { setOnline(true); void send(); };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    void pendingMarks().then(setPending);
    if (navigator.onLine) void send();
    // The first requests after the connection returns may still fail, and a flaky network may never say it is
    // back: while marks wait, try again every few seconds.
    const retry = window.setInterval(() => {
      if (navigator.onLine) void pendingMarks().then((left) => (left.length > 0 ? send() : undefined));
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(retry);
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const mark = async (d: Shown, steps: Array<Omit<Mark, 'clientOpId' | 'allocationId' | 'happenedAt'>>) => {
    const now = Date.now();
    // A dispatch and the decision that follows are one tap: the decision a millisecond later, so sync applies them in order.
    const marks: Mark[] = steps.map((s, i) => ({
      ...s, clientOpId: crypto.randomUUID(), allocationId: d.allocationId, happenedAt: new Date(now + i).toISOString(),
      ...(s.action === 'dispatch' ? { volunteer: user.email } : {}),
    }));
    await queueMarks(marks);
    setPending(await pendingMarks());
    if (navigator.onLine) await send();
  };

  const pendingIds = new Set(pending.map((m) => m.allocationId));
  const shown = deliveries.data ?? [];
  return (
    <div className="phone">
      <h1>{t('volunteer.title')}</h1>
      <p role="status" className={pending.length ? 'pending' : 'muted'}>
        {online ? t('volunteer.online') : t('volunteer.offline')} · {t('volunteer.pending', { n: pending.length })}
      </p>
      {pending.length > 0 && online && <p><button type="button" onClick={() => void send()}>{t('volunteer.sendNow')}</button></p>}
      {problems.map((p) => <p key={p.clientOpId} role="alert" className="error">{t('volunteer.refused', { status: p.status, message: p.message ?? p.outcome })}</p>)}
      <ErrorMessage error={error} />
      <div className="tabs" role="group" aria-label={t('volunteer.views')}>
        <button type="button" aria-pressed={tab === 'runs'} onClick={() => setTab('runs')}>{t('volunteer.myRuns')}</button>
        <button type="button" aria-pressed={tab === 'warehouse'} onClick={() => setTab('warehouse')}>{t('volunteer.myWarehouses')}</button>
      </div>
      {tab === 'warehouse' && (
        <SelectField label={t('common.warehouse')} value={warehouseCode} onChange={setWarehouseCode} options={mine.map((c) => ({ value: c, label: c }))} empty={t('common.choose')} />
      )}
      <ErrorMessage error={deliveries.error} />
      {deliveries.loading && !deliveries.data && <p role="status">{t('common.loading')}</p>}
      {!deliveries.loading && shown.length === 0 && <p>{t('volunteer.nothing')}</p>}
      {shown.map((d) => (
        <DeliveryCard key={`${d.allocationId}-${d.status}`} delivery={d} pending={pendingIds.has(d.allocationId)} itemName={itemName} onMark={(x, s) => void mark(x, s)} />
      ))}
    </div>
  );
}
