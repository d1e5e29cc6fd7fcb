import { resolve } from 'node:path';

export type ProfileId = 'ca' | 'co';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The whole configuration, read once from the environment, validated and frozen. */
export interface Config {
  /** PostgreSQL URL; when absent the embedded PostgreSQL is started in `dataDir`. */
  readonly databaseUrl: string | null;
  /** Port of the embedded PostgreSQL (never 5432, which may belong to a system server). Default 54329. */
  readonly embeddedPgPort: number;
  /** HTTP listen address. Default 127.0.0.1. */
  readonly host: string;
  /** HTTP port. Default 3000. */
  readonly port: number;
  /** Public base URL used in links inside messages. Default http://localhost:PORT. */
  readonly publicUrl: string;
  /** Jurisdiction profile. Default 'ca'. */
  readonly profile: ProfileId;
  /** Folder for the embedded database and generated secrets. Default ./.data */
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** Secret that signs cookies and tokens; in zero-config mode one is generated into dataDir. */
  readonly secret: string | null;
  readonly production: boolean;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration; throws one ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === undefined) return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return def;
    }
    return n;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], def: T): T => {
    const raw = str(name);
    if (raw === undefined) return def;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return def;
    }
    return raw as T;
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const raw = str(name);
    if (raw === undefined) return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const production = env.NODE_ENV === 'production';
  const port = int('PORT', 3000, 0, 65535);
  const embeddedPgPort = int('BALLOTLINE_EMBEDDED_PG_PORT', 54329, 1024, 65535);
  if (embeddedPgPort === 5432) problems.push('BALLOTLINE_EMBEDDED_PG_PORT must not be 5432 (it may belong to a system PostgreSQL)');
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']) ?? null;
  const secret = str('BALLOTLINE_SECRET') ?? null;
  if (secret !== null && secret.length < 32) problems.push('BALLOTLINE_SECRET must be at least 32 characters');
  if (production && secret === null) problems.push('BALLOTLINE_SECRET is required when NODE_ENV=production');
  if (production && databaseUrl === null) problems.push('DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for local use)');

  const config: Config = {
    databaseUrl,
    embeddedPgPort,
    host: str('HOST') ?? '127.0.0.1',
    port,
    publicUrl: (url('BALLOTLINE_PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    profile: oneOf<ProfileId>('BALLOTLINE_PROFILE', ['ca', 'co'], 'ca'),
    dataDir: resolve(str('BALLOTLINE_DATA_DIR') ?? '.data'),
    logLevel: oneOf<LogLevel>('LOG_LEVEL', LOG_LEVELS, 'info'),
    secret,
    production,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
