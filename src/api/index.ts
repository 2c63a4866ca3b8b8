/**
 * The HTTP API of `tailor serve` (docs/api.md): the app factory, the server around it, the
 * password hashing the CLI shares, and the demo logins.
 */
export { createApp, type TailorApp } from './app.js';
export type { AppOptions } from './app-state.js';
export { hashPassword, verifyPassword } from './auth/password.js';
export { ROUTES } from './routes.js';
export type { AnyRoute, Access, Principal } from './route-types.js';
export { VERSION } from './version.js';
export { DEFAULT_DEMO_PASSWORD, setUpDemo, type DemoLogin, type DemoSetup } from './demo-setup.js';
export { startServer, type RunningServer, type ServerOptions } from './server.js';
