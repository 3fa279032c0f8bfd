// Small building blocks every page uses: labelled fields (every control has a label screen readers read),
// tables, messages, and a hook for "load this, show the error if it fails".
import { ReactNode, useCallback, useEffect, useId, useState } from 'react';
import { ApiError } from './api';
import { useT } from './i18n';

export function Field(props: { label: string; children: (id: string) => ReactNode; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children(id)}
      {props.hint && <small className="muted">{props.hint}</small>}
    </div>
  );
}

export function TextField(props: {
  label: string; value: string; onChange: (v: string) => void; type?: string; required?: boolean; min?: number | string;
  max?: number | string; autoComplete?: string; placeholder?: string;
}) {
  return (
    <Field label={props.label}>
      {(id) => (
        <input id={id} type={props.type ?? 'text'} value={props.value} required={props.required} min={props.min} max={props.max}
          autoComplete={props.autoComplete} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </Field>
  );
}

export interface Option { value: string; label: string }

export function SelectField(props: { label: string; value: string; onChange: (v: string) => void; options: Option[]; required?: boolean; empty?: string }) {
  return (
    <Field label={props.label}>
      {(id) => (
        <select id={id} value={props.value} required={props.required} onChange={(e) => props.onChange(e.target.value)}>
          {props.empty !== undefined && <option value="">{props.empty}</option>}
          {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}

/** A group of checkboxes with a legend, e.g. circumstances or districts. */
export function Checks(props: { legend: string; options: Option[]; value: string[]; onChange: (v: string[]) => void }) {
  const toggle = (v: string, on: boolean) => props.onChange(on ? [...props.value, v] : props.value.filter((x) => x !== v));
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div className="checks">
        {props.options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" checked={props.value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const text = error instanceof ApiError
    ? (error.status === 403 ? t('error.forbidden') : error.unreachable ? t('error.offline') : error.message)
    : String((error as Error).message ?? error);
  return <p role="alert" className="error">{text}</p>;
}

export function Notice({ children }: { children: ReactNode }) {
  return children ? <p role="status" className="notice">{children}</p> : null;
}

export interface Column<T> { header: string; cell: (row: T) => ReactNode; numeric?: boolean }

export function Table<T>(props: { caption: string; rows: T[]; columns: Column<T>[]; rowKey: (row: T) => string; empty?: string }) {
  const t = useT();
  return (
    // Focusable so a keyboard can scroll a wide table on a phone.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>{props.columns.map((c) => <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {props.rows.length === 0 && (
            <tr><td colSpan={props.columns.length} className="muted">{props.empty ?? t('common.none')}</td></tr>
          )}
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((c) => <td key={c.header} className={c.numeric ? 'num' : undefined}>{c.cell(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Section(props: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Loads with `load` whenever `deps` change; `reload()` loads again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (d) => { if (live) { setData(d); setError(undefined); setLoading(false); } },
      (e) => { if (live) { setError(e); setLoading(false); } },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}

/** Runs a write, keeping its error and a success message for the page to show. */
export function useAction(): {
  run: (action: () => Promise<string | void>) => Promise<boolean>; error: unknown; done: string | undefined; busy: boolean; clear: () => void;
} {
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<string | void>) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const message = await action();
      if (message) setDone(message);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, error, done, busy, clear: () => { setError(undefined); setDone(undefined); } };
}

/**
 * Registering a donor or a child: the services answer 409 {possibleDuplicateOf} for a look-alike; the form then
 * shows a warning with "register anyway", which sends the same again with confirmNotDuplicate.
 */
export function useRegistration(create: (confirmNotDuplicate: boolean) => Promise<string>) {
  const action = useAction();
  const [duplicateOf, setDuplicateOf] = useState<string[]>();
  const register = (confirmNotDuplicate: boolean) => void action.run(async () => {
    try {
      const done = await create(confirmNotDuplicate);
      setDuplicateOf(undefined);
      return done;
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 409)) throw err;
      setDuplicateOf((err.body as { possibleDuplicateOf?: string[] }).possibleDuplicateOf ?? []);
    }
  });
  const t = useT();
  const feedback = (
    <>
      {duplicateOf && (
        <div className="warning" role="alert">
          {t('common.possibleDuplicate', { ids: duplicateOf.map(shortId).join(', ') })}{' '}
          <button type="button" onClick={() => register(true)}>{t('common.registerAnyway')}</button>
        </div>
      )}
      <ErrorMessage error={action.error} />
      <Notice>{action.done}</Notice>
    </>
  );
  return { register, busy: action.busy, feedback };
}

export const formatNumber = (n: number | null | undefined, lang: string) =>
  n === null || n === undefined ? '—' : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);

/** Today in the fund's calendar (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
export const fundToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export const shortId = (id: string | null | undefined) => (id ? id.slice(0, 8) : '—');
