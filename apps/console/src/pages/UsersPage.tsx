import { FormEvent, useState } from 'react';
import { api, Page } from '../api';
import { useT } from '../i18n';
import { useWarehouses } from '../reference';
import { Role } from '../session';
import { Checks, ErrorMessage, Notice, Section, SelectField, Table, TextField, useAction, useLoad } from '../ui';

interface Account { id: string; email: string; name: string; role: Role; warehouseCodes: string[]; disabled: boolean }
const ROLES: Role[] = ['admin', 'fund_staff', 'warehouse_volunteer', 'viewer'];
const isDisabled = (a: Account) => a.disabled;

function EditUser({ account, onSaved }: { account: Account; onSaved: () => void }) {
  const t = useT();
  const warehouses = useWarehouses();
  const [role, setRole] = useState<Role>(account.role);
  const [warehouseCodes, setWarehouseCodes] = useState(account.warehouseCodes);
  const [password, setPassword] = useState('');
  const action = useAction();
  const save = (body: Record<string, unknown>, message: string) => void action.run(async () => {
    await api(`/auth/users/${account.id}`, { method: 'PATCH', body });
    onSaved();
    return message;
  });
  const resetPassword = () => void action.run(async () => {
    await api(`/auth/users/${account.id}/password`, { method: 'POST', body: { password } });
    setPassword('');
    return t('users.passwordReset');
  });
  return (
    <Section title={t('users.edit', { email: account.email })}>
      <form onSubmit={(e: FormEvent) => { e.preventDefault(); save({ role, warehouseCodes }, t('users.saved')); }} aria-label={t('users.edit', { email: account.email })}>
        <div className="grid">
          <SelectField label={t('users.role')} value={role} onChange={(v) => setRole(v as Role)} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </div>
        <Checks legend={t('users.warehouses')} options={(warehouses.data ?? []).map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }))} value={warehouseCodes} onChange={setWarehouseCodes} />
        <p><button type="submit" disabled={action.busy}>{t('common.save')}</button></p>
      </form>
      <form className="grid" onSubmit={(e: FormEvent) => { e.preventDefault(); resetPassword(); }} aria-label={t('users.resetPassword')}>
        <TextField label={t('users.newPassword')} type="password" value={password} onChange={setPassword} required autoComplete="new-password" />
        <button type="submit" disabled={action.busy}>{t('users.resetPassword')}</button>
      </form>
      <p>
        <button type="button" className="secondary" onClick={() => save({ disabled: !isDisabled(account) }, isDisabled(account) ? t('users.enabled') : t('users.disabledDone'))}>
          {isDisabled(account) ? t('users.enable') : t('users.disable')}
        </button>
      </p>
      <ErrorMessage error={action.error} />
      <Notice>{action.done}</Notice>
    </Section>
  );
}

export function UsersPage() {
  const t = useT();
  const warehouses = useWarehouses();
  const users = useLoad(() => api<Page<Account>>('/auth/users?pageSize=200').then((p) => p.items), []);
  const [editing, setEditing] = useState<Account>();
  const [form, setForm] = useState({ email: '', name: '', role: 'fund_staff', password: '' });
  const [warehouseCodes, setWarehouseCodes] = useState<string[]>([]);
  const action = useAction();
  const create = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api('/auth/users', { method: 'POST', body: { ...form, ...(warehouseCodes.length ? { warehouseCodes } : {}) } });
      users.reload();
      setForm({ email: '', name: '', role: 'fund_staff', password: '' });
      return t('users.created', { email: form.email });
    });
  };
  return (
    <>
      <h1>{t('nav.users')}</h1>
      <Section title={t('users.list')}>
        <ErrorMessage error={users.error} />
        <Table caption={t('users.list')} rows={users.data ?? []} rowKey={(u) => u.id}
          columns={[
            { header: t('users.name'), cell: (u) => u.name },
            { header: t('signin.email'), cell: (u) => u.email },
            { header: t('users.role'), cell: (u) => t(`role.${u.role}`) },
            { header: t('users.warehouses'), cell: (u) => u.warehouseCodes.join(', ') || '—' },
            { header: t('common.status'), cell: (u) => (isDisabled(u) ? t('users.disabled') : t('users.active')) },
            { header: t('common.actions'), cell: (u) => <button type="button" className="secondary" onClick={() => setEditing(u)} aria-label={t('users.edit', { email: u.email })}>{t('common.edit')}</button> },
          ]} />
      </Section>
      {editing && <EditUser key={editing.id} account={editing} onSaved={users.reload} />}
      <Section title={t('users.create')}>
        <form onSubmit={create} aria-label={t('users.create')}>
          <div className="grid">
            <TextField label={t('signin.email')} type="email" value={form.email} onChange={(v) => setForm({ ...form, email: v })} required />
            <TextField label={t('users.name')} value={form.name} onChange={(v) => setForm({ ...form, name: v })} required />
            <SelectField label={t('users.role')} value={form.role} onChange={(v) => setForm({ ...form, role: v })} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            <TextField label={t('signin.password')} type="password" value={form.password} onChange={(v) => setForm({ ...form, password: v })} required autoComplete="new-password" />
          </div>
          <Checks legend={t('users.warehouses')} options={(warehouses.data ?? []).map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }))} value={warehouseCodes} onChange={setWarehouseCodes} />
          <p><button type="submit" disabled={action.busy}>{t('users.create')}</button></p>
        </form>
        <ErrorMessage error={action.error} />
        <Notice>{action.done}</Notice>
      </Section>
    </>
  );
}
