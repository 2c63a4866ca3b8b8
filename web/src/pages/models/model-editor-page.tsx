/**
 * `/models/:id` and `/models/new`: a model's targets, editable for pm and admin. Saving never
 * edits a version in place: it writes a new one, so every proposal keeps pointing at the
 * targets it was made against.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { createModel, getModel, saveModel } from '../../api/models-api';
import type { ModelDetail } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { Card } from '../../components/card';
import { ErrorBanner } from '../../components/error-banner';
import { NoteField } from '../../components/form/note-field';
import { Notice } from '../../components/notice';
import { PageHeader } from '../../components/page-header';
import { useAction } from '../../hooks/use-action';
import { useResource } from '../../hooks/use-resource';
import { navigate } from '../../router/history';
import { Link } from '../../router/link';
import { href } from '../../router/match';
import { checkRows, toRows, toTargets, type TargetRow } from './target-row';
import { TargetsEditor } from './targets-editor';
import { VersionsTable } from './versions-table';

/** Props of {@link ModelEditorPage}; no id: a new model. */
export interface ModelEditorPageProps {
  id?: string;
}

const none = (): Promise<ModelDetail | undefined> => Promise.resolve(undefined);

/** The editor. */
export function ModelEditorPage({ id }: ModelEditorPageProps) {
  const { can } = useSession();
  const model = useResource(id ? () => getModel(id) : none, id ?? '(new)');
  const [newId, setNewId] = useState('');
  const [name, setName] = useState('');
  const [rows, setRows] = useState<TargetRow[]>([]);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction(async () => {
    const input = { name, targets: toTargets(rows), note };
    const out = id ? await saveModel(id, input) : await createModel({ ...input, id: newId.trim() });
    setSaved(`Saved ${out.id} version ${out.version}.`);
    if (!id) navigate(href('/models', out.id), true);
    else model.reload();
  });

  // The latest version is the one to edit; versions come newest first.
  const latest = model.data?.versions[0];
  useEffect(() => {
    if (!latest) return;
    setName(latest.name);
    setRows(toRows(latest.targets));
  }, [latest]);

  const editable = can('editModels');
  const problems = checkRows(rows);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setSaved(null);
    void save.run();
  };
  return (
    <>
      <PageHeader
        crumbs={<Link to="/models">Models</Link>}
        title={id ?? 'New model'}
        subtitle={
          latest &&
          `${latest.name} · version ${latest.version} by ${latest.changedBy} · ${model.data?.accounts ?? 0} accounts follow it`
        }
      />
      <ErrorBanner error={model.error} />
      <form className="grid" onSubmit={submit} data-testid="model-form">
        <Card title="Targets">
          <div className="form-row">
            {!id && (
              <label className="field">
                <span>Model id</span>
                <input
                  required
                  value={newId}
                  onChange={(e) => setNewId(e.target.value)}
                  data-testid="model-id"
                />
              </label>
            )}
            <label className="field field-grow">
              <span>Name</span>
              <input
                value={name}
                readOnly={!editable}
                onChange={(e) => setName(e.target.value)}
                data-testid="model-name"
              />
            </label>
          </div>
          <TargetsEditor rows={rows} onChange={setRows} readOnly={!editable} />
          {editable && (
            <>
              {problems.length > 0 && (
                <ul className="problem-list warn-text" data-testid="model-problems">
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )}
              <ErrorBanner error={save.error} onDismiss={save.clear} />
              {saved && <Notice onDismiss={() => setSaved(null)}>{saved}</Notice>}
              <div className="form-row">
                <NoteField
                  value={note}
                  onChange={setNote}
                  placeholder="What changed and why"
                  testId="model-note"
                />
                <button
                  type="submit"
                  className="button-primary"
                  disabled={save.busy || problems.length > 0}
                  data-testid="model-save"
                >
                  {id ? 'Save new version' : 'Create model'}
                </button>
              </div>
            </>
          )}
        </Card>
        {model.data && (
          <Card title="Versions">
            <VersionsTable versions={model.data.versions} />
          </Card>
        )}
      </form>
    </>
  );
}
