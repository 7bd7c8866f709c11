/**
 * The server's configuration, read once. No other file reads process.env.
 * A bad setting is refused in one line, `invalid configuration: SETTING: why` (EnvError): every
 * setting says what it expects and, unless it may hold a secret, what it got.
 */
import { z } from 'zod';

/** a value as a message quotes it: at most 40 characters */
const shown = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

const BOOL_WORDS = ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'];

/** a yes/no setting: 1/0, true/false, yes/no, on/off (any case) */
const bool = (def: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return def;
      const w = v.trim().toLowerCase();
      if (!BOOL_WORDS.includes(w)) {
        ctx.addIssue({ code: 'custom', message: `expected one of ${BOOL_WORDS.join(', ')}, got ${shown(v)}` });
        return z.NEVER;
      }
      return ['1', 'true', 'yes', 'on'].includes(w);
    });

/** a whole-number setting from `min` to `max` (inclusive; no upper bound when null) */
const int = (min: number, max: number | null, def: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return def;
      const n = Number(v.trim());
      if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min || (max !== null && n > max)) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number ${max === null ? `of at least ${min}` : `from ${min} to ${max}`}, got ${shown(v)}` });
        return z.NEVER;
      }
      return n;
    });

const EnvSchema = z.object({
  PORT: int(0, 65535, 4000),
  /** the address to listen on; default 127.0.0.1 (this machine only) with the embedded database, 0.0.0.0 with DATABASE_URL */
  HOST: z.string().min(1).optional(),
  /** embedded PostgreSQL (PGlite) data folder, used when DATABASE_URL is not set */
  COPYDESK_DATA_DIR: z.string().min(1).default('./data'),
  /** a real PostgreSQL server; when set, the data folder is not used */
  DATABASE_URL: z.string().refine((v) => /^postgres(ql)?:\/\//i.test(v) && URL.canParse(v), 'expected a postgres://user:password@host:port/database URL').optional(),
  /** largest dump accepted, in bytes of UTF-8 */
  COPYDESK_MAX_DUMP_BYTES: int(1, null, 5 * 1024 * 1024),
  /** import the sample dumps into an empty database at start */
  COPYDESK_SEED_SAMPLES: bool(true),
  /** serve the built dashboard from this folder at / */
  COPYDESK_DASHBOARD_DIR: z.string().optional(),
  COPYDESK_LOG_SQL: bool(false),
  /** largest JSON request body; bigger dumps go through importDumpFile */
  COPYDESK_MAX_REQUEST_BYTES: int(1, null, 1024 * 1024),
  /** largest request body without a valid editor token (it can only read): refused with 413 before it is read */
  COPYDESK_MAX_ANONYMOUS_REQUEST_BYTES: int(1, null, 64 * 1024),
  /** largest multipart upload (importDumpFile) */
  COPYDESK_MAX_UPLOAD_BYTES: int(1, null, 64 * 1024 * 1024),
  /** most bytes of large text fields (dump texts, article bodies) one GraphQL request may return */
  COPYDESK_MAX_TEXT_BYTES: int(1, null, 32 * 1024 * 1024),
  /** the same for one subscription event (each is serialised and written once per subscriber, at every change) */
  COPYDESK_MAX_SUBSCRIPTION_EVENT_TEXT_BYTES: int(1, null, 5 * 1024 * 1024),
  /** most GraphQL subscriptions open at once per HTTP process, all clients together */
  COPYDESK_MAX_SUBSCRIPTIONS: int(1, null, 1000),
  /** most GraphQL subscriptions one client (an editor's token, else an anonymous client's address) holds open at once per HTTP process */
  COPYDESK_MAX_SUBSCRIPTIONS_PER_CLIENT: int(1, null, 50),
  /** how long anonymous read results are cached, per process (ms); 0 turns the cache off */
  COPYDESK_RESPONSE_CACHE_TTL_MS: int(0, null, 5000),
  /** HTTP processes sharing the port (node:cluster), with DATABASE_URL only: PGlite lives in one process */
  COPYDESK_HTTP_PROCESSES: int(1, 64, 1),
  /** enrichment workers in the server process (topics, similarity edges); 0 leaves the queue to `copydesk worker` */
  COPYDESK_WORKERS: int(0, 16, 1),
  /** a bootstrap editor token for scripts and first setup (at least 16 characters) */
  COPYDESK_EDITOR_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  /** when true, queries need an editor token too; mutations always do */
  COPYDESK_READ_REQUIRES_TOKEN: bool(false),
  /** answer common reads (an article, pages of articles) with one compiled SQL statement; false runs every query on the general executor */
  COPYDESK_COMPILED_READS: bool(true),
  /** execute operations with graphql-jit (each document compiled to a function once) instead of graphql-js */
  COPYDESK_GRAPHQL_JIT: bool(false),
  /** longest a single SQL statement may run on PostgreSQL (ms) before it is cancelled and the request gets QUERY_TIMEOUT */
  COPYDESK_STATEMENT_TIMEOUT_MS: int(100, 600_000, 10_000),
  /** the server runs behind a proxy that sets X-Forwarded-For: take the client address (audit log, per-client limits) from it; otherwise the header is ignored, for any client can write it */
  COPYDESK_TRUST_PROXY: bool(false),
  /** show internal error messages, stacks and SQL to clients; for debugging on your own machine only */
  COPYDESK_DEBUG_ERRORS: bool(false),
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: (i) => `expected development, production or test, got ${shown(String(i.input))}` }).default('development'),
});

/** every setting the server reads */
export const ENV_SETTINGS = Object.keys(EnvSchema.shape);

export type Env = Omit<z.infer<typeof EnvSchema>, 'HOST'> & { HOST: string };

/** A setting copydesk cannot use; its message is one line, `invalid configuration: SETTING: why` (several settings: `; ` between them). */
export class EnvError extends Error {}

function configError(error: z.ZodError): EnvError {
  return new EnvError(`invalid configuration: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

/** Parses the environment (and overrides from command-line flags); throws EnvError naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env, overrides: Partial<Record<keyof Env, string>> = {}): Env {
  const merged: Record<string, string | undefined> = { ...source, ...overrides };
  for (const k of Object.keys(merged)) if (merged[k] === '') delete merged[k];
  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) throw configError(parsed.error);
  return { ...parsed.data, HOST: parsed.data.HOST ?? (parsed.data.DATABASE_URL ? '0.0.0.0' : '127.0.0.1') };
}

const CliEnvSchema = z.object({
  /** the copydesk GraphQL endpoint the CLI talks to */
  COPYDESK_URL: z.string().refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'expected an http:// or https:// URL, e.g. http://localhost:4000/graphql').default('http://localhost:4000/graphql'),
  /** an editor token for the CLI's imports (COPYDESK_TOKEN, else the bootstrap COPYDESK_EDITOR_TOKEN) */
  COPYDESK_TOKEN: z.string().optional(),
  COPYDESK_EDITOR_TOKEN: z.string().optional(),
});

export type CliEnv = { url: string; token: string | null };

/** The CLI's client settings (flags override them). */
export function loadCliEnv(source: Record<string, string | undefined> = process.env): CliEnv {
  const parsed = CliEnvSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) throw configError(parsed.error);
  return { url: parsed.data.COPYDESK_URL, token: parsed.data.COPYDESK_TOKEN ?? parsed.data.COPYDESK_EDITOR_TOKEN ?? null };
}
