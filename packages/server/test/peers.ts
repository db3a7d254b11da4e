// The systems the outbox workers talk to, real servers on 127.0.0.1 shared by the relay and mail tests: an
// HTTP receiver (a webhook or Action Network) and an SMTP server (smtp-server, each message parsed with mailparser).
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { onCleanup } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// A receiving system

/** A JSON body as received: the fields the assertions reach into, the rest compared whole with deepEqual. */
export interface WireBody {
  person: { email?: string; given_name?: string };
  delivery?: string;
  [field: string]: unknown;
}

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: WireBody;
  /** The status it was answered with (undefined while held or when the connection died first). */
  answered?: number;
}

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** 'ok' answers 200 (Action Network style: with identifiers), 'down' 503; `holdMs` delays every answer. */
  mode: 'ok' | 'down';
  holdMs: number;
  inFlight: number;
  maxInFlight: number;
  accepted(): Received[];
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    url: '',
    port: 0,
    received: [],
    mode: 'ok',
    holdMs: 0,
    inFlight: 0,
    maxInFlight: 0,
    accepted: () => receiver.received.filter((r) => r.answered !== undefined && r.answered < 300),
  };
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const entry: Received = { path: request.url ?? '', headers: request.headers, raw, body: JSON.parse(raw) as WireBody };
    // The sender gone (killed) while the answer is held: nobody will read it.
    let gone = false;
    request.socket.once('end', () => (gone = true)).once('close', () => (gone = true));
    receiver.received.push(entry);
    receiver.inFlight++;
    receiver.maxInFlight = Math.max(receiver.maxInFlight, receiver.inFlight);
    if (receiver.holdMs) await new Promise((resolve) => setTimeout(resolve, receiver.holdMs));
    receiver.inFlight--;
    const status = receiver.mode === 'ok' ? 200 : 503;
    if (gone || response.destroyed || request.socket.destroyed) return;
    entry.answered = status;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(status === 200 ? { identifiers: [`action_network:${receiver.received.length}`] } : { error: 'down' }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  onCleanup(() => server.closeAllConnections());
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}`;
  return receiver;
}

// ---------------------------------------------------------------------------------------------
// An SMTP server that can go down and come back on the same port

export interface Mailbox {
  port: number;
  received: ParsedMail[];
  up(): Promise<void>;
  down(): Promise<void>;
}

/** A loopback port that was free a moment ago and has nothing listening now. */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function mailbox(): Promise<Mailbox> {
  const box: Mailbox = { port: await freePort(), received: [], up, down };
  let server: SMTPServer | undefined;
  async function up(): Promise<void> {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            box.received.push(parsed);
            callback();
          })
          .catch(callback);
      },
    });
    server.listen(box.port, '127.0.0.1');
    await once(server.server, 'listening');
  }
  async function down(): Promise<void> {
    const closing = server;
    server = undefined;
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  }
  onCleanup(() => down());
  return box;
}

/** The confirmation link of a mail, if it has one. */
export const linkOf = (mail: ParsedMail): URL | undefined => {
  const match = /https?:\/\/\S+\/confirm\?token=[\w-]+/.exec(mail.text ?? '');
  return match ? new URL(match[0]) : undefined;
};

export const openLink = async (link: URL): Promise<{ status: number; text: string; headers: Headers }> => {
  const response = await fetch(link);
  return { status: response.status, text: await response.text(), headers: response.headers };
};

export const postToken = async (link: URL): Promise<{ status: number; text: string }> => {
  const response = await fetch(new URL('/confirm', link), {
    method: 'POST',
    body: new URLSearchParams({ token: link.searchParams.get('token') ?? '' }),
  });
  return { status: response.status, text: await response.text() };
};

export const mailTo = (box: Mailbox, email: string): ParsedMail[] =>
  box.received.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.value[0]?.address === email));
