/** The version the API reports (`/healthz`, `/openapi.json`); the CLI's `--version` says the same. */
export const VERSION = '0.1.0';
