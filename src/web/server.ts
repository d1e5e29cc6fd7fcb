import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { AppError } from '../errors.ts';
import { migrationsCurrent } from '../db/migrate.ts';
import type { Runtime } from '../runtime.ts';

/** A domain's HTTP routes; each domain exports one and it is listed in `ROUTES` below. */
export type RouteModule = (app: FastifyInstance, rt: Runtime) => Promise<void> | void;

export interface ServerOptions { routes?: readonly RouteModule[]; logger?: boolean }

/**
 * The Fastify application: security headers, rate limits, OpenAPI at /docs, one error
 * shape `{error:{code,message}}`, health endpoints, and every domain's routes.
 */
export async function buildServer(rt: Runtime, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (options.logger === false ? undefined : rt.log.child({ part: 'http' })) as FastifyBaseLogger | undefined,
    trustProxy: rt.config.production,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: rt.config.production ? [] : null,
      },
    },
  });
  await app.register(rateLimit, { global: true, max: 600, timeWindow: '1 minute' });
  await app.register(swagger, {
    openapi: {
      info: { title: 'ballotline API', version: '0.1.0', description: 'Vote-by-mail ballot tracking and notifications.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
          basic: { type: 'http', scheme: 'basic' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  app.setErrorHandler((err, request, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(err.toJSON());
    const e = err as { validation?: unknown; statusCode?: number; message: string; code?: string };
    if (e.validation) return reply.status(400).send({ error: { code: 'invalid_request', message: e.message } });
    if (e.statusCode === 429) return reply.status(429).send({ error: { code: 'rate_limited', message: 'Too many requests; try again later.' } });
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return reply.status(e.statusCode).send({ error: { code: e.code?.toLowerCase() ?? 'bad_request', message: e.message } });
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error' } });
  });
  app.setNotFoundHandler((_req, reply) => reply.status(404).send({ error: { code: 'not_found', message: 'Not found' } }));

  app.get('/healthz', { schema: { hide: true }, config: { rateLimit: false } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, config: { rateLimit: false } }, async (_req, reply) => {
    try {
      const current = await migrationsCurrent(rt.db.pool);
      if (!current) return reply.status(503).send({ status: 'migrations pending' });
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database unreachable' });
    }
  });

  for (const routes of options.routes ?? []) await routes(app, rt);
  return app;
}
