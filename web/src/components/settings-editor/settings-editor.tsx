/**
 * Edits account settings (interchange §1) block by block: restrictions, substitutions, cash,
 * tax, risk, trading and drift. Unset fields stay out of the saved settings, so the engine's
 * defaults keep applying to them.
 */
import type { AccountSettings } from '../../api/types';
import { RestrictionsEditor } from './restrictions-editor';
import { ScalarSettings } from './scalar-settings';
import { SubstitutionsEditor } from './substitutions-editor';

/** Props of {@link SettingsEditor}. */
export interface SettingsEditorProps {
  value: AccountSettings;
  onChange: (value: AccountSettings) => void;
}

/** The editor. */
export function SettingsEditor({ value, onChange }: SettingsEditorProps) {
  return (
    <div className="settings-editor" data-testid="settings-editor">
      <RestrictionsEditor
        value={value.restrictions ?? []}
        onChange={(restrictions) => onChange(prune({ ...value, restrictions }))}
      />
      <SubstitutionsEditor
        value={value.substitutions ?? []}
        onChange={(substitutions) => onChange(prune({ ...value, substitutions }))}
      />
      <ScalarSettings value={value} onChange={(v) => onChange(prune(v))} />
    </div>
  );
}

/** Drops unset fields and empty blocks, so the saved JSON has only what was set. */
export function prune(s: AccountSettings): AccountSettings {
  const clean = (o: object): Record<string, unknown> | undefined => {
    const entries = Object.entries(o).filter(
      ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
    );
    return entries.length ? Object.fromEntries(entries) : undefined;
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    const c = Array.isArray(v)
      ? v.length
        ? v
        : undefined
      : v && typeof v === 'object'
        ? clean(v)
        : v;
    if (c !== undefined) out[k] = c;
  }
  return out as AccountSettings;
}
