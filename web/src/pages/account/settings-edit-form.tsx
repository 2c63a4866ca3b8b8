/** Edits an account's settings and saves them as a new version, with a note saying why. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { putSettings } from '../../api/book-api';
import type { AccountSettings } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { NoteField } from '../../components/form/note-field';
import { SettingsEditor } from '../../components/settings-editor/settings-editor';
import { useAction } from '../../hooks/use-action';

/** Props of {@link SettingsEditForm}. */
export interface SettingsEditFormProps {
  account: string;
  initial: AccountSettings;
  onCancel: () => void;
  /** Called with what was saved and the version it became. */
  onSaved: (settings: AccountSettings, version: number) => void;
}

/** Editor, note, save and cancel. */
export function SettingsEditForm({ account, initial, onCancel, onSaved }: SettingsEditFormProps) {
  const [settings, setSettings] = useState<AccountSettings>(initial);
  const [note, setNote] = useState('');
  const save = useAction(async () => {
    const out = await putSettings(account, { settings, note });
    onSaved(settings, out.version);
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form onSubmit={submit} data-testid="settings-form">
      <SettingsEditor value={settings} onChange={setSettings} />
      <ErrorBanner error={save.error} onDismiss={save.clear} />
      <div className="form-row">
        <NoteField
          value={note}
          onChange={setNote}
          required
          testId="settings-note"
          placeholder="Why the change"
        />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="button-primary"
          disabled={save.busy}
          data-testid="settings-save"
        >
          Save new version
        </button>
      </div>
    </form>
  );
}
