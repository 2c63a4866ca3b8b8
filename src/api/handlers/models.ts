/**
 * `/v1/models`: the latest version of each model, one model's versions, a new model and a new
 * version. Targets are checked against the store (securities and sub-models exist, no cycle)
 * before anything is written.
 */
import type { z } from 'zod';
import type { ModelTarget } from '../../domain/index.js';
import {
  checkModelTargets,
  listModelPage,
  modelExists,
  modelVersions,
  writeModelVersion,
  type ModelRow,
} from '../../store/index.js';
import type { ModelVersion, PageQuerySchema } from '../contract/index.js';
import { conflict, invalid, notFound, ok, type Reply } from '../reply.js';
import { caller, type RouteContext } from '../route-types.js';

const versionOf = (m: ModelRow): ModelVersion => ({
  id: m.id,
  version: m.version,
  name: m.name,
  targets: m.targets,
  changedBy: m.changedBy,
  changedAt: m.changedAt.toISOString(),
  note: m.note,
});

/** `GET /v1/models`. */
export async function listModelsHandler(
  ctx: RouteContext<z.output<typeof PageQuerySchema>, undefined>,
): Promise<Reply> {
  const page = await listModelPage(ctx.state.store.db, ctx.query);
  return ok({
    items: page.items.map((m) => ({ ...versionOf(m), accounts: m.accounts })),
    total: page.total,
  });
}

/** `GET /v1/models/:id`: every version, newest first. */
export async function modelHandler(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const id = ctx.params['id']!;
  const { versions, accounts } = await modelVersions(ctx.state.store.db, id);
  if (versions.length === 0) return notFound('model', id);
  return ok({ id, accounts, versions: versions.map(versionOf) });
}

interface ModelBody {
  id?: string;
  name: string;
  targets: ModelTarget[];
  note: string;
}

async function write(
  ctx: RouteContext<undefined, ModelBody>,
  id: string,
  create: boolean,
): Promise<Reply> {
  const db = ctx.state.store.db;
  if (!create && !(await modelExists(db, id))) return notFound('model', id);
  const problems = await checkModelTargets(db, id, ctx.body.targets);
  if (problems.length) return invalid(problems);
  const { name, targets, note } = ctx.body;
  const version = await writeModelVersion(
    db,
    { id, name, targets, note },
    caller(ctx).username,
    create,
  );
  if (version === undefined)
    return conflict(`model ${id} exists; add a version with PUT /v1/models/${id}`, 'exists');
  const { versions } = await modelVersions(db, id);
  return ok(versionOf(versions[0]!), create ? 201 : 200);
}

/** `POST /v1/models`: version 1 (409 when the model exists). */
export const createModelHandler = (ctx: RouteContext<undefined, ModelBody>): Promise<Reply> =>
  write(ctx, ctx.body.id!, true);
/** `PUT /v1/models/:id`: the next version (404 for a new model). */
export const putModelHandler = (ctx: RouteContext<undefined, ModelBody>): Promise<Reply> =>
  write(ctx, ctx.params['id']!, false);
