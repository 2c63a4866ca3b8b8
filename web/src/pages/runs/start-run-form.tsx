/**
 * Starts a run over a selection of the book: everything, some households, a model, an
 * advisor's households, or a trigger (drift, cash, settings, model change, loss harvest).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { listModels } from '../../api/models-api';
import { startRun } from '../../api/runs-api';
import type { RunSelection as Selection } from '../../api/types';
import { CheckField } from '../../components/form/check-field';
import { ErrorBanner } from '../../components/error-banner';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { navigate } from '../../router/history';
import { href } from '../../router/match';

type Kind = Selection['kind'];
type Trigger = Extract<Selection, { kind: 'trigger' }>['trigger'];

const TRIGGERS: Trigger[] = ['drift', 'cash', 'settings', 'model', 'harvest'];

/** The form; on success it opens the run's page to watch its progress. */
export function StartRunForm() {
  const [kind, setKind] = useState<Kind>('all');
  const [param, setParam] = useState('');
  const [trigger, setTrigger] = useState<Trigger>('drift');
  const [asOf, setAsOf] = useState('');
  const [prices, setPrices] = useState(false);
  const models = useResource(listModels, 'models');
  const start = useAction(async (selection: Selection) => {
    const { id } = await startRun({
      selection,
      ...(asOf ? { asOf } : {}),
      ...(prices ? { customizationCosts: true } : {}),
    });
    navigate(href('/runs', id));
  });

  const selection = (): Selection => {
    switch (kind) {
      case 'all':
        return { kind };
      case 'households':
        return { kind, households: param.split(/[\s,]+/).filter(Boolean) };
      case 'model':
        return { kind, model: param || (models.data?.items[0]?.id ?? '') };
      case 'advisor':
        return { kind, advisor: param.trim() };
      case 'trigger':
        return { kind, trigger };
    }
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void start.run(selection());
  };

  return (
    <form className="form-row" onSubmit={submit} data-testid="start-run-form">
      <label className="field">
        <span>Selection</span>
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setParam('');
          }}
          data-testid="run-selection"
        >
          <option value="all">All households</option>
          <option value="households">Households…</option>
          <option value="model">Model…</option>
          <option value="advisor">Advisor…</option>
          <option value="trigger">Trigger…</option>
        </select>
      </label>
      {kind === 'households' && (
        <label className="field field-grow">
          <span>Household ids</span>
          <input
            required
            value={param}
            placeholder="hh-001, hh-002"
            onChange={(e) => setParam(e.target.value)}
            data-testid="run-households"
          />
        </label>
      )}
      {kind === 'model' && (
        <label className="field">
          <span>Model</span>
          <select value={param} onChange={(e) => setParam(e.target.value)} data-testid="run-model">
            {models.data?.items.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name ? `${m.id} — ${m.name}` : m.id}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'advisor' && (
        <label className="field">
          <span>Advisor</span>
          <input
            required
            value={param}
            onChange={(e) => setParam(e.target.value)}
            data-testid="run-advisor"
          />
        </label>
      )}
      {kind === 'trigger' && (
        <label className="field">
          <span>Trigger</span>
          <select
            value={trigger}
            onChange={(e) => setTrigger(e.target.value as Trigger)}
            data-testid="run-trigger"
          >
            {TRIGGERS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>As of (optional)</span>
        <input
          type="date"
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
          data-testid="run-as-of"
        />
      </label>
      <CheckField
        label="Price customizations (slower)"
        checked={prices}
        onChange={(v) => setPrices(v ?? false)}
        testId="run-customization-costs"
      />
      <button
        type="submit"
        className="button-primary"
        disabled={start.busy}
        data-testid="run-start"
      >
        {start.busy ? 'Starting…' : 'Start run'}
      </button>
      <div className="span-wide">
        <ErrorBanner error={start.error} onDismiss={start.clear} />
      </div>
    </form>
  );
}
