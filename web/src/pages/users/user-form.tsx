/**
 * Adds a user, or changes an existing one: typing (or picking) an existing username loads its
 * role and advisor and switches the form to a change, where a blank password stays unchanged
 * and the user can be disabled (which ends their sessions).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { createUser, updateUser } from '../../api/session-api';
import type { Role, UserSummary } from '../../api/types';
import { ROLE_LABELS } from '../../auth/permissions';
import { ErrorBanner } from '../../components/error-banner';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks/use-action';

/** Props of {@link UserForm}. */
export interface UserFormProps {
  users: UserSummary[];
  onSaved: () => void;
}

const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** The form. */
export function UserForm({ users, onSaved }: UserFormProps) {
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [advisor, setAdvisor] = useState('');
  const [password, setPassword] = useState('');
  const [disabled, setDisabled] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const existing = users.find((u) => u.username === username.trim());

  const pick = (name: string): void => {
    setUsername(name);
    const u = users.find((x) => x.username === name.trim());
    if (!u) return;
    setRole(u.role);
    setAdvisor(u.advisor ?? '');
    setDisabled(u.disabled);
  };
  const save = useAction(async () => {
    const name = username.trim();
    const adv = role === 'advisor' ? advisor.trim() || null : null;
    if (existing)
      await updateUser(name, { role, advisor: adv, disabled, ...(password ? { password } : {}) });
    else await createUser({ username: name, role, advisor: adv, password });
    setDone(`${existing ? 'Changed' : 'Added'} ${name}.`);
    setPassword('');
    onSaved();
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setDone(null);
    void save.run();
  };
  return (
    <form className="form-row" onSubmit={submit} data-testid="user-form">
      <label className="field">
        <span>Username</span>
        <input
          required
          value={username}
          list="usernames"
          onChange={(e) => pick(e.target.value)}
          data-testid="user-username"
        />
        <datalist id="usernames">
          {users.map((u) => (
            <option key={u.username} value={u.username} />
          ))}
        </datalist>
      </label>
      <label className="field">
        <span>Role</span>
        <select
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          data-testid="user-role"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      {role === 'advisor' && (
        <label className="field">
          <span>Advisor name</span>
          <input
            required
            value={advisor}
            onChange={(e) => setAdvisor(e.target.value)}
            data-testid="user-advisor"
          />
        </label>
      )}
      <label className="field">
        <span>{existing ? 'New password (blank: keep)' : 'Password (8+ characters)'}</span>
        <input
          type="password"
          autoComplete="new-password"
          required={!existing}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="user-password"
        />
      </label>
      {existing && (
        <label className="check-field">
          <input
            type="checkbox"
            checked={disabled}
            onChange={(e) => setDisabled(e.target.checked)}
            data-testid="user-disabled"
          />
          <span>Disabled</span>
        </label>
      )}
      <button type="submit" className="button-primary" disabled={save.busy} data-testid="user-save">
        {existing ? 'Save changes' : 'Add user'}
      </button>
      <div className="span-wide">
        <ErrorBanner error={save.error} onDismiss={save.clear} />
        {done && <Notice onDismiss={() => setDone(null)}>{done}</Notice>}
      </div>
    </form>
  );
}
