import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowedOrigins, attachmentKind, fetchAttachment, TEXT_MAX_BYTES } from '../../adapters/discord/attachments';

/** Attachment downloads against a loopback "CDN" that can lie about sizes and redirect. */
let server: Server;
let origin: string;
let hits: string[];

beforeEach(async () => {
  hits = [];
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/small.log') return res.writeHead(200, { 'content-type': 'text/plain' }).end('529 overloaded_error');
    if (req.url === '/liar.txt') {
      // No content-length, and far more bytes than the attachment object claimed.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 97);
      for (let i = 0; i < 40; i += 1) res.write(chunk);
      return res.end();
    }
    if (req.url === '/redirect.png') return res.writeHead(302, { location: 'https://example.com/x.png' }).end();
    return res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

const ref = (name: string, size = 20, contentType: string | null = null) => ({ name, url: `${origin}/${name}`, size, contentType });

describe('attachments', () => {
  it('classifies images, .txt / .log files and everything else', () => {
    expect(attachmentKind({ name: 'a.PNG', contentType: null })).toBe('image');
    expect(attachmentKind({ name: 'x', contentType: 'image/webp' })).toBe('image');
    expect(attachmentKind({ name: 'run.log', contentType: null })).toBe('text');
    expect(attachmentKind({ name: 'x', contentType: 'text/plain; charset=utf-8' })).toBe('text');
    expect(attachmentKind({ name: 'x.svg', contentType: 'image/svg+xml' })).toBe('other');
    expect(attachmentKind({ name: 'x.zip', contentType: 'application/zip' })).toBe('other');
  });

  it('downloads a small log from an allowed origin', async () => {
    const got = await fetchAttachment(ref('small.log'), [origin]);
    expect(got).toEqual({ kind: 'text', name: 'small.log', text: '529 overloaded_error' });
  });

  it('never fetches from a host that is not Discord (or the configured API origin)', async () => {
    const got = await fetchAttachment(ref('small.log'), allowedOrigins(undefined));
    expect(got).toMatchObject({ kind: 'skipped', reason: 'it is not hosted by Discord' });
    expect(hits).toEqual([]);
    expect(allowedOrigins('http://127.0.0.1:9/api')).toContain('http://127.0.0.1:9');
  });

  it('stops reading when the real bytes pass the limit, whatever size was announced', async () => {
    const got = await fetchAttachment(ref('liar.txt', 10), [origin]);
    expect(got).toMatchObject({ kind: 'skipped', reason: 'it is larger than 1 MiB' });
    expect(40 * 64 * 1024).toBeGreaterThan(TEXT_MAX_BYTES);
  });

  it('refuses an announced size over the limit without downloading', async () => {
    const got = await fetchAttachment(ref('big.png', 11 * 1024 * 1024, 'image/png'), [origin]);
    expect(got).toMatchObject({ kind: 'skipped', reason: 'it is larger than 10 MiB' });
    expect(hits).toEqual([]);
  });

  it('does not follow redirects', async () => {
    const got = await fetchAttachment(ref('redirect.png', 10, 'image/png'), [origin]);
    expect(got.kind).toBe('skipped');
  });
});
