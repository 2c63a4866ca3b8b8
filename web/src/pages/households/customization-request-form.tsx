/**
 * Request a customization: pick an account, change its settings (starting from the current
 * ones) and say why. The request waits for a portfolio manager's decision.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { getAccount, requestCustomization } from '../../api/book-api';
import type { AccountSettings } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { NoteField } from '../../components/form/note-field';
import { Notice } from '../../components/notice';
import { SettingsEditor } from '../../components/settings-editor/settings-editor';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';

/** Props of {@link CustomizationRequestForm}. */
export interface CustomizationRequestFormProps {
  accounts: string[];
}

/** The form. */
export function CustomizationRequestForm({ accounts }: CustomizationRequestFormProps) {
  const [account, setAccount] = useState(accounts[0] ?? '');
  const current = useResource(() => getAccount(account), account);
  const [settings, setSettings] = useState<AccountSettings>({});
  const [note, setNote] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const send = useAction(requestCustomization);

  // Start from the account's current settings whenever another account is picked.
  useEffect(() => {
    if (current.data) setSettings(current.data.settings);
  }, [current.data]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setSent(null);
    if (await send.run({ account, settings, note })) {
      setSent(`Request for ${account} sent for approval.`);
      setNote('');
    }
  };

  if (accounts.length === 0) return <p className="muted">No accounts to customize.</p>;
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="customization-request-form">
      <label className="field">
        <span>Account</span>
        <select
          value={account}
          onChange={(e) => setAccount(e.target.value)}
          data-testid="customization-account"
        >
          {accounts.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <ErrorBanner error={current.error} />
      {current.data && <SettingsEditor value={settings} onChange={setSettings} />}
      <div className="form-row">
        <NoteField
          value={note}
          onChange={setNote}
          required
          label="Why"
          testId="customization-note"
          placeholder="e.g. client asked to exclude tobacco"
        />
        <button
          type="submit"
          className="button-primary"
          disabled={send.busy || !current.data}
          data-testid="customization-submit"
        >
          Request change
        </button>
      </div>
      <ErrorBanner error={send.error} onDismiss={send.clear} />
      {sent && (
        <Notice onDismiss={() => setSent(null)} testId="customization-sent">
          {sent}
        </Notice>
      )}
    </form>
  );
}
