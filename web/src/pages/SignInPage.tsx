import { useState, type FormEvent } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { RequestError } from '../lib/api.ts';
import { homeFor, useSession } from '../lib/session.tsx';

/** Sign-in for researchers, evaluators, enumerators and admins. */
export function SignInPage() {
  const { signIn } = useSession();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await signIn(email, password);
      const next = params.get('next');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : homeFor(user.role));
    } catch (failure) {
      setError(failure instanceof RequestError ? failure.message : 'The server could not be reached.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page narrow">
      <h1>Sign in to Trustlens</h1>
      <form className="form" onSubmit={submit}>
        <label htmlFor="email">E-mail</label>
        <input id="email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        {error && <p className="notice notice-error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>Sign in</button>
      </form>
      <p className="hint">Residents answering a survey do not need an account.</p>
    </main>
  );
}
