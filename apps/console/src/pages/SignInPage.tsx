import { FormEvent, useState } from 'react';
import { ApiError } from '../api';
import { useT } from '../i18n';
import { useSession } from '../session';
import { TextField } from '../ui';

export function SignInPage() {
  const t = useT();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email, password);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setError(status === 401 ? t('signin.wrong') : status === 429 ? t('signin.tooMany') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="signin card">
      <h1>{t('signin.title')}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <TextField label={t('signin.email')} type="email" value={email} onChange={setEmail} required autoComplete="username" />
        <TextField label={t('signin.password')} type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={busy}>{t('signin.submit')}</button>
      </form>
    </div>
  );
}
