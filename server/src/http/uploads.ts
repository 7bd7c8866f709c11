/**
 * Multipart requests (GraphQL multipart request spec: `operations`, `map`, then the files) are
 * checked before their body is read, and their files are streamed, never buffered here:
 * - a multipart request without a valid editor token is answered 401 UNAUTHENTICATED from its
 *   headers alone (uploads are only for mutations, and every mutation needs an editor);
 * - the body is parsed as it arrives (busboy); once `operations` and `map` are read, the operation
 *   runs with each file as an `Upload` whose `stream()` yields the file's bytes straight from the
 *   request (read only as fast as the resolver takes them);
 * - whatever the operation left unread is discarded when the response is sent.
 * The size limit from Content-Length is checked before this, by limits.ts.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { Busboy, type BusboyFileStream } from '@fastify/busboy';
import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { authenticate } from '../auth/tokens.ts';
import type { Db } from '../db/client.ts';
import { badRequest, UnauthenticatedError } from '../errors.ts';
import type { AppConfig } from '../config.ts';

/** A file of a multipart request: its name and its bytes, read once, as they arrive. */
export interface Upload {
  name: string;
  stream(): AsyncIterable<Uint8Array>;
}

const json = (status: number, message: string, code: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), { status, headers: { 'content-type': 'application/json' } });

function setPath(object: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let at: Record<string, unknown> = object;
  for (const [i, key] of keys.entries()) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return;
    if (i === keys.length - 1) at[key] = value;
    else {
      if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
      at = at[key] as Record<string, unknown>;
    }
  }
}

/** the request body as a Node stream: the HTTP listener's own request when there is one */
function bodyOf(request: Request, serverContext: unknown): Readable | null {
  const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
  if (req && typeof req.pipe === 'function' && !req.readableEnded) return req;
  return request.body ? Readable.from(request.body as unknown as AsyncIterable<Uint8Array>) : null;
}

/**
 * Parses a multipart body as it arrives: answers the params once `operations` and `map` are read
 * and the first file starts (or at the end of a body without files). `discard` drops the rest.
 */
function parseMultipart(request: Request, body: Readable, config: AppConfig, onDiscard: (discard: () => void) => void): Promise<GraphQLParams> {
  const bb = Busboy({
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
    limits: { fieldSize: config.limits.maxRequestBytes, fields: 2, files: 1, parts: 3, fileSize: config.limits.maxUploadBytes + 1 }, // the reader counts: one byte over tells it the file is over
  });
  let params: GraphQLParams | null = null;
  let map: Record<string, string[]> = {};
  let settled = false;
  let file: BusboyFileStream | null = null;
  const discard = () => {
    body.unpipe(bb);
    file?.resume();
    body.resume(); // read and drop what is left, so that the connection stays usable
    bb.destroy();
  };
  onDiscard(discard);
  return new Promise<GraphQLParams>((ok, fail) => {
    const refuse = (e: GraphQLError) => {
      if (settled) return;
      settled = true;
      discard();
      fail(e);
    };
    bb.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) return refuse(badRequest(`The multipart field "${name}" is over ${config.limits.maxRequestBytes} bytes.`));
      try {
        if (name === 'operations') params = JSON.parse(value) as GraphQLParams;
        else if (name === 'map') map = JSON.parse(value) as Record<string, string[]>;
      } catch {
        return refuse(badRequest(`The multipart field "${name}" must be valid JSON.`));
      }
    });
    bb.on('file', (name, stream, filename) => {
      file = stream;
      if (!params || Array.isArray(params)) return refuse(badRequest('The multipart field "operations" (one operation) must come before the files.'));
      const paths = map[name];
      if (!Array.isArray(paths)) return refuse(badRequest(`The file "${name}" is not in the multipart "map".`));
      let taken = false;
      const upload: Upload = {
        name: filename,
        stream() {
          if (taken) throw new Error('an upload can be read once');
          taken = true;
          return stream;
        },
      };
      for (const p of paths) setPath(params as unknown as Record<string, unknown>, p, upload);
      settled = true;
      ok(params);
    });
    bb.on('filesLimit', () => refuse(badRequest('Send one file per request.')));
    bb.on('finish', () => {
      if (settled) return;
      if (!params) return refuse(badRequest('Missing multipart field "operations".'));
      settled = true;
      ok(params);
    });
    bb.on('error', (e: Error) => refuse(badRequest(`The multipart body cannot be read: ${e.message}`)));
    body.on('error', (e: Error) => {
      if (!settled) refuse(badRequest(`The request body cannot be read: ${e.message}`));
      else file?.destroy(e);
    });
    body.pipe(bb);
  });
}

/** Refuses anonymous multipart requests from their headers, and streams the files of the others. */
export function useUploads(db: Db, config: AppConfig): Plugin {
  const pending = new WeakMap<Request, () => void>();
  return {
    async onRequestParse({ request, serverContext, setRequestParser, endResponse }) {
      if (request.method !== 'POST' || !(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/')) return;
      const editor = await authenticate(db, request.headers.get('authorization'), config.editorToken);
      if (!editor) {
        endResponse(json(401, new UnauthenticatedError(request.headers.get('authorization')?.trim() ? 'rejected' : 'missing').message, 'UNAUTHENTICATED'));
        return;
      }
      const body = bodyOf(request, serverContext);
      if (!body) return;
      setRequestParser((req) => parseMultipart(req, body, config, (discard) => pending.set(req, discard)));
    },
    onResponse({ request }) {
      pending.get(request)?.();
      pending.delete(request);
    },
  };
}
