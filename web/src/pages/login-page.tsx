/** The login form (POST /v1/session); the page the user asked for opens once logged in. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../api/api-error';
import { useSession } from '../auth/session-context';
import { ErrorBanner } from '../components/error-banner';
import { Notice } from '../components/notice';
import { toApiError } from '../hooks/to-api-error';

/** Username, password, log in. */
export function LoginPage() {
  const { login, expired } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <form className="login-card" onSubmit={(e) => void submit(e)} data-testid="login-form">
        <h1>Tailor</h1>
        <p className="subtitle">Central rebalancing</p>
        {expired && !error && <Notice tone="info">Your session ended. Please log in again.</Notice>}
        <ErrorBanner error={error} />
        <label className="field">
          <span>Username</span>
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="login-username"
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </label>
        <button type="submit" className="button-primary" disabled={busy} data-testid="login-submit">
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </div>
  );
}
