/** `/v1/tokens`: one's own API tokens — created (shown once), listed, revoked. */
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  type ApiTokenRow,
} from '../../store/index.js';
import { newId, newSecret, sha256, TOKEN_PREFIX } from '../auth/secrets.js';
import type { TokenCreateRequest, TokenSummary } from '../contract/index.js';
import { noContent, notFound, ok, type Reply } from '../reply.js';
import { caller, type RouteContext } from '../route-types.js';

const summaryOf = (t: ApiTokenRow): TokenSummary => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** `POST /v1/tokens`: the token in the answer, its hash in the store. */
export async function createToken(
  ctx: RouteContext<undefined, TokenCreateRequest>,
): Promise<Reply> {
  const me = caller(ctx);
  const token = newSecret(TOKEN_PREFIX);
  const row = await createApiToken(ctx.state.store.db, {
    id: newId('tok_'),
    username: me.username,
    name: ctx.body.name,
    tokenHash: sha256(token),
  });
  return ok({ ...summaryOf(row), token }, 201);
}

/** `GET /v1/tokens`: one's own. */
export async function listTokens(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const rows = await listApiTokens(ctx.state.store.db, caller(ctx).username);
  return ok({ items: rows.map(summaryOf), total: rows.length });
}

/** `DELETE /v1/tokens/:id`: one's own only (404 otherwise). */
export async function revokeToken(ctx: RouteContext<undefined, undefined>): Promise<Reply> {
  const id = ctx.params['id']!;
  const gone = await revokeApiToken(ctx.state.store.db, caller(ctx).username, id);
  return gone ? noContent() : notFound('token', id);
}
