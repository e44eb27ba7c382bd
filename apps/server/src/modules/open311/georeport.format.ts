import type { FastifyReply, FastifyRequest } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';

/** GeoReport v2 documents on the wire: JSON arrays, or XML with the spec's root and item element names. */

export type Format = 'json' | 'xml';

/** A refusal in the spec's shape: `[{code, description}]`, `code` being the HTTP status. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}

/** The format a call asked for, from its path's extension (`requests.xml`, `services/x.json`). */
export const formatOf = (req: FastifyRequest): Format => (/\.xml(?:\?|$)/i.test(req.url) ? 'xml' : 'json');

const builder = new XMLBuilder({ format: false });
// Characters XML 1.0 cannot carry at all (escaping does not help); free text never needs them.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function xmlSafe(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (Array.isArray(value)) return value.map(xmlSafe);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)]));
  return value;
}

/** An XML document: `<root><item>…</item>…</root>`, or `<root>…</root>` for a single object. */
export function xmlDocument(root: string, content: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: xmlSafe(content) })}`;
}

/** Send a list (`services`/`service`, `service_requests`/`request`) in the asked format. */
export function sendList(reply: FastifyReply, format: Format, root: string, item: string, items: unknown[], status = 200) {
  if (format === 'json') return reply.status(status).send(items);
  return reply.status(status).type('application/xml; charset=utf-8').send(xmlDocument(root, { [item]: items }));
}

/** Send the spec's error list with its HTTP status. */
export function sendErrors(reply: FastifyReply, format: Format, status: number, description: string) {
  return sendList(reply, format, 'errors', 'error', [{ code: status, description }], status);
}
