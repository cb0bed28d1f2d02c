/**
 * Declares an API route once: its zod request schemas validate the request (the parsed values are what the
 * handler receives) and, with its response schema, document it in `/api/openapi.json`. What is served and
 * what is documented cannot drift apart, because both come from the same `RouteSpec`.
 */
import { Router, type NextFunction, type Request, type Response } from "express";
import type { z } from "zod";

import { sendKept, type CompressFor } from "./compress.js";
import { parseRequestPart } from "./validate.js";
import type { AnswerCache } from "../db/cache.js";
import { Deadline, runWithDeadline } from "../deadline.js";
import { QueryTimeoutError } from "../errors.js";
import type { FileAnswer } from "../file-answer.js";

type ObjectSchema = z.ZodObject;

export interface RouteSpec<P extends ObjectSchema | undefined = ObjectSchema | undefined, Q extends ObjectSchema | undefined = ObjectSchema | undefined, R extends z.ZodType = z.ZodType> {
  /** Express path below `/api`, e.g. `/nodes/:id`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  response: R;
  /** Name of the response schema in the OpenAPI components. */
  responseName: string;
  /** Error statuses this route can answer besides 503 (the database being down applies to every route). */
  errors: (400 | 404 | 409)[];
  /** Media types of a route that answers files (reports); `response` then documents its `application/json` form. */
  produces?: string[];
}

type Parsed<S> = S extends ObjectSchema ? z.infer<S> : Record<string, never>;

export interface RouteInput<P, Q> {
  params: Parsed<P>;
  query: Parsed<Q>;
}

/** The request's path and query, validated by the route's schemas (a 400 naming the field otherwise). */
function input<P extends ObjectSchema | undefined, Q extends ObjectSchema | undefined>(spec: RouteSpec<P, Q>, req: Request): RouteInput<P, Q> {
  const params = (spec.params ? parseRequestPart(spec.params, req.params, "path") : {}) as Parsed<P>;
  const query = (spec.query ? parseRequestPart(spec.query, req.query, "query") : {}) as Parsed<Q>;
  return { params, query };
}

/** How long a request may take, start to answer: a question, and an export (a file, e.g. a PDF). */
export interface Deadlines {
  queryMs: number;
  exportMs: number;
}

export class ApiRouter {
  readonly router: Router = Router();
  readonly routes: RouteSpec[] = [];

  constructor(
    private readonly deadlines: Deadlines = { queryMs: 5000, exportMs: 60_000 },
    /** Answers kept per load sequence, for the routes whose tag is named (answers that read nothing but the graph). */
    private readonly cache?: { answers: AnswerCache; tags: ReadonlySet<string>; compressFor: CompressFor },
  ) {}

  /**
   * Runs a handler under one deadline that covers everything it does (queueing, the database, building the
   * answer). When the deadline passes first, the client gets 503 at once; the handler's queries stop at their
   * next step (they read the same deadline) and whatever it still produces is dropped. A file is built whole
   * before its first byte is sent, so an export never starts a download it cannot finish.
   */
  private async answer(res: Response, next: NextFunction, ms: number, work: () => Promise<void>): Promise<void> {
    const deadline = new Deadline(ms);
    const timer = setTimeout(() => {
      deadline.expire();
      if (!res.headersSent) next(new QueryTimeoutError().withLogNote(`request deadline of ${ms} ms passed`));
    }, ms);
    timer.unref();
    // An object, not a `let`: it is set in a listener while `work` runs, which narrowing cannot see.
    const client = { gone: false };
    res.once("close", () => {
      clearTimeout(timer);
      // A client that went away before its answer needs none: stop its work too, and do not log it as an error.
      client.gone = !res.writableFinished;
      deadline.expire("response closed");
    });
    try {
      await runWithDeadline(deadline, work);
    } catch (err) {
      // Already answered 503 by the deadline, or nobody is listening: the abandoned work ending is news to no one.
      if (deadline.expired && (res.headersSent || client.gone)) return;
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  get<P extends ObjectSchema | undefined, Q extends ObjectSchema | undefined, R extends z.ZodType>(
    spec: RouteSpec<P, Q, R>,
    handler: (input: RouteInput<P, Q>) => Promise<z.input<R>>,
  ): this {
    this.routes.push(spec);
    const cache = this.cache?.tags.has(spec.tag) ? this.cache : undefined;
    this.router.get(spec.path, (req, res, next) =>
      this.answer(res, next, this.deadlines.queryMs, async () => {
        if (!cache) {
          const body = await handler(input(spec, req));
          if (!res.headersSent) res.json(body);
          return;
        }
        // Validated first (a bad request is a 400 whatever the database does), then kept by its whole URL.
        const parsed = input(spec, req);
        const kept = await cache.answers.answer(req.originalUrl, () => handler(parsed));
        if (res.headersSent) return;
        await sendKept(req, res, kept, cache.compressFor);
      }),
    );
    return this;
  }

  /** A route that answers a file (HTML, PDF, CSV, XLSX, …); validated and documented like the others. */
  file<P extends ObjectSchema | undefined, Q extends ObjectSchema | undefined, R extends z.ZodType>(
    spec: RouteSpec<P, Q, R> & { produces: string[] },
    handler: (input: RouteInput<P, Q>) => Promise<FileAnswer>,
  ): this {
    this.routes.push(spec);
    this.router.get(spec.path, (req, res, next) =>
      this.answer(res, next, this.deadlines.exportMs, async () => {
        const answer = await handler(input(spec, req));
        if (res.headersSent) return;
        res.type(answer.type);
        if (answer.fileName) res.attachment(answer.fileName);
        res.send(answer.body);
      }),
    );
    return this;
  }
}
