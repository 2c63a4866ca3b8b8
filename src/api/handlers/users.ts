/** `/v1/users` (admin): list, create, change. Passwords arrive in clear and are stored hashed. */
import {
  createUser,
  getUser,
  listUsers,
  updateUser,
  type UserPatch,
  type UserRow,
} from '../../store/index.js';
import { hashPassword } from '../auth/password.js';
import type { z } from 'zod';
import type {
  PageQuerySchema,
  UserCreateRequest,
  UserPatchRequest,
  UserSummary,
} from '../contract/index.js';
import { conflict, invalid, notFound, ok, type Reply } from '../reply.js';
import { caller, type RouteContext } from '../route-types.js';

/** A user as the API shows it (never the password hash). */
export const userSummaryOf = (u: UserRow): UserSummary => ({
  username: u.username,
  role: u.role,
  advisor: u.advisor,
  disabled: u.disabled,
  createdAt: u.createdAt.toISOString(),
});

/** An advisor needs the advisor name whose households they see; no other role has one. */
function advisorProblem(role: string, advisor: string | null | undefined) {
  if (role === 'advisor' && !advisor)
    return invalid([
      {
        path: ['advisor'],
        code: 'required',
        message: 'an advisor needs "advisor": the advisor name on their households',
      },
    ]);
  if (role !== 'advisor' && advisor)
    return invalid([
      {
        path: ['advisor'],
        code: 'not_allowed',
        message: `only the advisor role takes "advisor"; leave it out for ${role}`,
      },
    ]);
  return undefined;
}

/** `GET /v1/users`. */
export async function listUsersHandler(
  ctx: RouteContext<z.output<typeof PageQuerySchema>, undefined>,
): Promise<Reply> {
  const page = await listUsers(ctx.state.store.db, ctx.query);
  return ok({ items: page.items.map(userSummaryOf), total: page.total });
}

/** `POST /v1/users`: 201, 400 for an advisor without a name, 409 when taken. */
export async function createUserHandler(
  ctx: RouteContext<undefined, UserCreateRequest>,
): Promise<Reply> {
  const b = ctx.body;
  const problem = advisorProblem(b.role, b.advisor);
  if (problem) return problem;
  const made = await createUser(
    ctx.state.store.db,
    {
      username: b.username,
      role: b.role,
      advisor: b.advisor ?? null,
      passwordHash: await hashPassword(b.password),
    },
    caller(ctx).username,
  );
  if (!made)
    return conflict(
      `user ${b.username} exists; change it with PATCH /v1/users/${b.username}`,
      'exists',
    );
  return ok(userSummaryOf((await getUser(ctx.state.store.db, b.username))!), 201);
}

/** `PATCH /v1/users/:username`. */
export async function patchUserHandler(
  ctx: RouteContext<undefined, UserPatchRequest>,
): Promise<Reply> {
  const username = ctx.params['username']!;
  const db = ctx.state.store.db;
  const current = await getUser(db, username);
  if (!current) return notFound('user', username);
  const b = ctx.body;
  const role = b.role ?? current.role;
  const advisor = b.advisor !== undefined ? b.advisor : role === 'advisor' ? current.advisor : null;
  const problem = advisorProblem(role, advisor);
  if (problem) return problem;
  const patch: UserPatch = {
    ...(b.role !== undefined ? { role: b.role } : {}),
    ...(advisor !== current.advisor ? { advisor } : {}),
    ...(b.disabled !== undefined ? { disabled: b.disabled } : {}),
    ...(b.password !== undefined ? { passwordHash: await hashPassword(b.password) } : {}),
  };
  const me = caller(ctx);
  // An admin cannot lock themselves out; another admin has to do it.
  if (username === me.username && (patch.disabled === true || (patch.role ?? 'admin') !== 'admin'))
    return conflict('you cannot disable yourself or give up admin; ask another admin', 'self');
  if (Object.keys(patch).length === 0) return ok(userSummaryOf(current));
  const row = await updateUser(db, username, patch, me.username);
  return row ? ok(userSummaryOf(row)) : notFound('user', username);
}
