/**
 * Declares an API route once: its zod request schemas validate the request (the parsed values are what the
 * handler receives) and, with its response schema, document it in `/api/openapi.json`. What is served and
 * what is documented cannot drift apart, because both come from the same `RouteSpec`.
 */
import { Router } from "express";
import type { z } from "zod";

import { parseRequestPart } from "./validate.js";

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

/** A file a route answers with: its media type, its bytes and, to download it, a file name. */
export interface FileAnswer {
  type: string;
  body: string | Buffer;
  fileName?: string;
}

type Parsed<S> = S extends ObjectSchema ? z.infer<S> : Record<string, never>;

export interface RouteInput<P, Q> {
  params: Parsed<P>;
  query: Parsed<Q>;
}

export class ApiRouter {
  readonly router: Router = Router();
  readonly routes: RouteSpec[] = [];

  get<P extends ObjectSchema | undefined, Q extends ObjectSchema | undefined, R extends z.ZodType>(
    spec: RouteSpec<P, Q, R>,
    handler: (input: RouteInput<P, Q>) => Promise<z.input<R>>,
  ): this {
    this.routes.push(spec);
    this.router.get(spec.path, async (req, res) => {
      const params = (spec.params ? parseRequestPart(spec.params, req.params, "path") : {}) as Parsed<P>;
      const query = (spec.query ? parseRequestPart(spec.query, req.query, "query") : {}) as Parsed<Q>;
      res.json(await handler({ params, query }));
    });
    return this;
  }

  /** A route that answers a file (HTML, PDF, CSV, XLSX, …); validated and documented like the others. */
  file<P extends ObjectSchema | undefined, Q extends ObjectSchema | undefined, R extends z.ZodType>(
    spec: RouteSpec<P, Q, R> & { produces: string[] },
    handler: (input: RouteInput<P, Q>) => Promise<FileAnswer>,
  ): this {
    this.routes.push(spec);
    this.router.get(spec.path, async (req, res) => {
      const params = (spec.params ? parseRequestPart(spec.params, req.params, "path") : {}) as Parsed<P>;
      const query = (spec.query ? parseRequestPart(spec.query, req.query, "query") : {}) as Parsed<Q>;
      const answer = await handler({ params, query });
      res.type(answer.type);
      if (answer.fileName) res.attachment(answer.fileName);
      res.send(answer.body);
    });
    return this;
  }
}
