/**
 * The account's customizations: the restriction list and the other settings as phrases, the
 * version history (who changed what, when, why) and, for those allowed, an editor that saves
 * a new version.
 */
import { useState } from 'react';
import type { AccountDetail, AccountSettings } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { Card } from '../../components/card';
import { SettingsEditForm } from './settings-edit-form';
import { SettingsHistory } from './settings-history';
import { describeRestriction, summarizeSettings } from './summarize-settings';

/** Props of {@link SettingsCard}. */
export interface SettingsCardProps {
  account: AccountDetail;
  onSaved: () => void;
}

/** Settings, history and editor. */
export function SettingsCard({ account, onSaved }: SettingsCardProps) {
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const [version, setVersion] = useState(0);
  // What was just saved, shown until the account is read again at that version (re-reading
  // an account values every lot, which takes a moment).
  const [saved, setSaved] = useState<{ settings: AccountSettings; version: number } | null>(null);
  const s = saved && saved.version > account.settingsVersion ? saved.settings : account.settings;
  const restrictions = s.restrictions ?? [];
  const others = summarizeSettings({ ...s, restrictions: [] });
  return (
    <Card
      title="Settings and customizations"
      testId="account-settings"
      actions={
        can('editSettings') &&
        !editing && (
          <button type="button" onClick={() => setEditing(true)} data-testid="settings-edit">
            Edit settings
          </button>
        )
      }
    >
      {editing ? (
        <SettingsEditForm
          account={account.id}
          initial={s}
          onCancel={() => setEditing(false)}
          onSaved={(settings, v) => {
            setSaved({ settings, version: v });
            setEditing(false);
            setVersion((n) => n + 1);
            onSaved();
          }}
        />
      ) : (
        <div className="settings-view">
          <h3>Restrictions</h3>
          <ul className="chip-list" data-testid="account-restrictions">
            {restrictions.length === 0 && <li className="muted">None</li>}
            {restrictions.map((r, i) => (
              <li key={i} className="chip" data-testid="account-restriction">
                {describeRestriction(r)}
              </li>
            ))}
          </ul>
          <h3>Other settings</h3>
          <ul className="chip-list">
            {others.length === 0 && <li className="muted">Firm defaults</li>}
            {others.map((t) => (
              <li key={t} className="chip chip-quiet">
                {t}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>Version history</h3>
      <SettingsHistory account={account.id} refresh={version} />
    </Card>
  );
}
