/**
 * The server's configuration, read once. No other file reads process.env.
 */
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** the address to listen on; default 127.0.0.1 (this machine only) with the embedded database, 0.0.0.0 with DATABASE_URL */
  HOST: z.string().min(1).optional(),
  /** embedded PostgreSQL (PGlite) data folder, used when DATABASE_URL is not set */
  COPYDESK_DATA_DIR: z.string().min(1).default('./data'),
  /** a real PostgreSQL server; when set, the data folder is not used */
  DATABASE_URL: z.string().url().optional(),
  /** largest dump accepted, in bytes of UTF-8 */
  COPYDESK_MAX_DUMP_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** import the sample dumps into an empty database at start */
  COPYDESK_SEED_SAMPLES: bool.default(true),
  /** serve the built dashboard from this folder at / */
  COPYDESK_DASHBOARD_DIR: z.string().optional(),
  COPYDESK_LOG_SQL: bool.default(false),
  /** largest JSON request body; bigger dumps go through importDumpFile */
  COPYDESK_MAX_REQUEST_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  /** largest request body without a valid editor token (it can only read): refused with 413 before it is read */
  COPYDESK_MAX_ANONYMOUS_REQUEST_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  /** largest multipart upload (importDumpFile) */
  COPYDESK_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(64 * 1024 * 1024),
  /** most bytes of large text fields (dump texts, article bodies) one GraphQL request may return */
  COPYDESK_MAX_TEXT_BYTES: z.coerce.number().int().positive().default(32 * 1024 * 1024),
  /** most GraphQL subscriptions open at once per HTTP process, all clients together */
  COPYDESK_MAX_SUBSCRIPTIONS: z.coerce.number().int().positive().default(1000),
  /** most GraphQL subscriptions one client (an editor's token, else an anonymous client's address) holds open at once per HTTP process */
  COPYDESK_MAX_SUBSCRIPTIONS_PER_CLIENT: z.coerce.number().int().positive().default(50),
  /** how long anonymous read results are cached, per process (ms); 0 turns the cache off */
  COPYDESK_RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5000),
  /** HTTP processes sharing the port (node:cluster), with DATABASE_URL only: PGlite lives in one process */
  COPYDESK_HTTP_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /** enrichment workers in the server process (topics, similarity edges); 0 leaves the queue to `copydesk worker` */
  COPYDESK_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  /** a bootstrap editor token for scripts and first setup (at least 16 characters) */
  COPYDESK_EDITOR_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** when true, queries need an editor token too; mutations always do */
  COPYDESK_READ_REQUIRES_TOKEN: bool.default(false),
  /** answer common reads (an article, pages of articles) with one compiled SQL statement; false runs every query on the general executor */
  COPYDESK_COMPILED_READS: bool.default(true),
  /** execute operations with graphql-jit (each document compiled to a function once) instead of graphql-js */
  COPYDESK_GRAPHQL_JIT: bool.default(false),
  /** longest a single SQL statement may run on PostgreSQL (ms) before it is cancelled and the request gets QUERY_TIMEOUT */
  COPYDESK_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** the server runs behind a proxy that sets X-Forwarded-For: take the client address (audit log, per-client limits) from it; otherwise the header is ignored, for any client can write it */
  COPYDESK_TRUST_PROXY: bool.default(false),
  /** show internal error messages, stacks and SQL to clients; for debugging on your own machine only */
  COPYDESK_DEBUG_ERRORS: bool.default(false),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = Omit<z.infer<typeof EnvSchema>, 'HOST'> & { HOST: string };

export class EnvError extends Error {}

/** Parses the environment (and overrides from command-line flags); throws EnvError naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env, overrides: Partial<Record<keyof Env, string>> = {}): Env {
  const merged: Record<string, string | undefined> = { ...source, ...overrides };
  for (const k of Object.keys(merged)) if (merged[k] === '') delete merged[k];
  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, HOST: parsed.data.HOST ?? (parsed.data.DATABASE_URL ? '0.0.0.0' : '127.0.0.1') };
}

const CliEnvSchema = z.object({
  /** the copydesk GraphQL endpoint the CLI talks to */
  COPYDESK_URL: z.string().url().default('http://localhost:4000/graphql'),
  /** an editor token for the CLI's imports (COPYDESK_TOKEN, else the bootstrap COPYDESK_EDITOR_TOKEN) */
  COPYDESK_TOKEN: z.string().optional(),
  COPYDESK_EDITOR_TOKEN: z.string().optional(),
});

export type CliEnv = { url: string; token: string | null };

/** The CLI's client settings (flags override them). */
export function loadCliEnv(source: Record<string, string | undefined> = process.env): CliEnv {
  const parsed = CliEnvSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) throw new EnvError(`invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return { url: parsed.data.COPYDESK_URL, token: parsed.data.COPYDESK_TOKEN ?? parsed.data.COPYDESK_EDITOR_TOKEN ?? null };
}
