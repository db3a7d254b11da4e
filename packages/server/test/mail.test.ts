// The confirmation email, on PGlite and on PostgreSQL, against a real SMTP server in this process (the
// smtp-server library, each message parsed with mailparser): the thank-you arrives in the signer's language,
// with a confirmation link only when a consent was granted; the link's page asks for a click (a GET confirms
// nothing), the POST confirms once and only once, an expired link says so; the export and the relay carry
// the consent's state; with the SMTP server down the mail waits in the outbox and arrives once it is back,
// once; an erased signer's waiting mail is never sent.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { SignatureRequest } from '@agir/core';
import type { RunningServer } from '../src/index.js';
import { signatureCsv } from '../src/export.js';
import { mailStatus, smtpSecurity, type MailOptions } from '../src/mail.js';
import { acceptSuspect, listSuspects, updatePetition } from '../src/organiser.js';
import { webhookBody } from '../src/relay.js';
import {
  backends,
  createPetition,
  eventually,
  parseCsv,
  postSignature,
  runCli,
  signature,
  startTestServer,
  tempDir,
  type DatabaseChoice,
} from './helpers.js';
import { linkOf, mailbox, mailTo, openLink, postToken, type Mailbox } from './peers.js';

// Each SMTP step may take up to 10 s (the default) on a loaded machine: a shorter one could cut an accepted mail and send it again.
const FAST = { pollMs: 25, timeoutMs: 10_000, minDelayMs: 40, maxDelayMs: 150 } satisfies Partial<MailOptions>;

const granted = (lang: string): SignatureRequest['consents'] => [
  { id: 'newsletter', granted: true, text: `newsletter (${lang})`, version: '2026-11' },
];

async function csvOf(server: RunningServer, petitionId: string): Promise<Array<Record<string, string>>> {
  let text = '';
  for await (const chunk of signatureCsv(server.app.store, petitionId)) text += chunk;
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

for (const backend of backends) {
  describe(`confirmation email (${backend.name})`, () => {
    // One server for the first tests (a petition each); its SMTP server is started by the first test.
    let box: Promise<Mailbox> | undefined;
    let database: Promise<DatabaseChoice> | undefined;
    let sharedServer: Promise<RunningServer> | undefined;
    const smtp = (): Promise<Mailbox> => (box ??= mailbox());
    const startMailServer = async (): Promise<RunningServer> =>
      startTestServer(await (database ??= backend.fresh()), {
        rateLimit: false,
        relay: false,
        mail: { smtpUrl: `smtp://127.0.0.1:${(await smtp()).port}`, from: 'Campagne <equipe@example.org>', ...FAST },
      });
    const shared = (): Promise<RunningServer> => (sharedServer ??= startMailServer());

    test('SMTP down: the mail waits in the outbox, then arrives once when it is back, also across a restart; an erased signer is never sent', async () => {
      const mailbox = await smtp(); // not listening yet: connection refused
      const server = await shared();
      await createPetition(server, 'down');
      const kept = signature({ consents: granted('fr') });
      const erased = signature({ consents: granted('fr') });
      assert.equal((await postSignature(server.url, 'down', kept)).status, 201);
      assert.equal((await postSignature(server.url, 'down', erased)).status, 201);
      await eventually(
        async () => {
          const rows = await server.app.store.db.query<{ attempts: number }>('SELECT attempts FROM mail_outbox');
          return rows.length === 2 && rows.every((row) => row.attempts >= 2);
        },
        8000,
        'two attempts each',
      );
      const status = await mailStatus(server.app.store);
      assert.deepEqual([status.delivered, status.pending, status.failed], [0, 2, 0]);
      assert.match(status.lastError ?? '', /^network error E[A-Z]+$/, 'the error code, never a text that could hold an address');
      const erasure = await server.app.store.erasePerson(erased.person.email);
      assert.equal(erasure.signatures, 1);
      assert.equal((await mailStatus(server.app.store)).pending, 1, 'the erased signer’s mail is gone with their signature');
      // An attempt for the erased signer that read their data just before the erasure may still be on its way
      // (it fails: SMTP is down); once the kept mail has been tried again, it is over.
      const attempts = async () =>
        (await server.app.store.db.query<{ n: number }>('SELECT max(attempts)::int AS n FROM mail_outbox WHERE delivered_at IS NULL'))[0]
          ?.n ?? 0;
      const tried = await attempts();
      await eventually(async () => (await attempts()) > tried, 8000, 'another attempt after the erasure');

      await mailbox.up();
      await eventually(() => mailbox.received.length >= 1, 8000, 'the mail');
      await new Promise((resolve) => setTimeout(resolve, 400)); // time for anything else to (wrongly) arrive
      assert.equal(mailbox.received.length, 1, 'one mail: sent once, and none for the erased signer');
      assert.equal(mailTo(mailbox, kept.person.email).length, 1);
      assert.deepEqual(
        await server.app.store.db.query('SELECT count(*)::int AS n FROM consent_tokens'),
        [{ n: 1 }],
        'failed attempts left no token',
      );
      const link = linkOf(mailbox.received[0]!);
      assert.ok(link, 'the mail holds the confirmation link');
      assert.equal((await postToken(link)).status, 200, 'and it works');
      assert.deepEqual([(await mailStatus(server.app.store)).delivered, (await mailStatus(server.app.store)).pending], [1, 0]);

      // Down again; a signature; the server stops before it could send, and a new one sends it once back up.
      await mailbox.down();
      const later = signature({ locale: 'es' });
      assert.equal((await postSignature(server.url, 'down', later)).status, 201);
      await eventually(
        async () =>
          ((await server.app.store.db.query<{ n: number }>('SELECT max(attempts)::int AS n FROM mail_outbox WHERE delivered_at IS NULL'))[0]
            ?.n ?? 0) >= 1,
        8000,
        'an attempt',
      );
      await server.close();
      await mailbox.up();
      const restarted = await startMailServer();
      sharedServer = Promise.resolve(restarted); // the next tests use it
      await eventually(() => mailTo(mailbox, later.person.email).length === 1, 8000, 'the mail after the restart');
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(mailbox.received.length, 2, 'the later mail once, the first not again');
      assert.equal(mailTo(mailbox, later.person.email)[0]!.subject, 'Gracias por firmar «Petition down»');
      assert.equal(restarted.app.mail!.delivered, 1, 'sent by the new process');
    });

    test('the thank-you arrives in the signer’s language, with a link only when a consent was granted; the link confirms once and only once', async () => {
      const mailbox = await smtp();
      const server = await shared();
      await createPetition(server, 'mail');
      const fr = signature({ locale: 'fr', person: { givenName: 'Zoé' }, consents: granted('fr') });
      const en = signature({ locale: 'en-GB', person: { givenName: 'Ann' } }); // consent not granted
      const ar = signature({ locale: 'ar', person: { givenName: 'ليلى' }, consents: granted('ar') });
      for (const request of [fr, en, ar]) assert.equal((await postSignature(server.url, 'mail', request)).status, 201);
      // Not counted, so no mail: the same person again (answered like a new signature: 201).
      assert.equal((await postSignature(server.url, 'mail', signature({ person: { email: fr.person.email } }))).status, 201);
      await eventually(() => [fr, en, ar].every((r) => mailTo(mailbox, r.person.email).length === 1), 8000, 'three mails');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(mailTo(mailbox, fr.person.email).length, 1, 'the duplicate got no mail');

      const [frMail] = mailTo(mailbox, fr.person.email);
      const [enMail] = mailTo(mailbox, en.person.email);
      const [arMail] = mailTo(mailbox, ar.person.email);
      assert.equal(frMail!.subject, 'Merci d’avoir signé « Petition mail »');
      assert.equal(enMail!.subject, 'Thank you for signing “Petition mail”');
      assert.equal(arMail!.subject, 'شكرًا لتوقيعك على «Petition mail»');
      assert.equal(frMail!.from?.text, '"Campagne" <equipe@example.org>');
      assert.equal(frMail!.headers.get('content-language'), 'fr');
      assert.equal(enMail!.headers.get('content-language'), 'en-GB');
      assert.match(frMail!.text!, /^Bonjour Zoé,\n\nMerci d’avoir signé la pétition « Petition mail »\. Votre signature a été comptée\./);
      assert.match(enMail!.text!, /^Hello Ann,\n\nThank you for signing the petition “Petition mail”\./);
      assert.match(arMail!.text!, /^مرحبًا ليلى،\n\nشكرًا لتوقيعك على عريضة «Petition mail»/);
      assert.match(frMail!.text!, /jusqu’au \d{1,2} \S+ \d{4}\) :\nhttp/, 'the expiry date in French');
      assert.equal(linkOf(enMail!), undefined, 'no consent granted: no link');
      assert.doesNotMatch(enMail!.text!, /confirm/i);
      const frLink = linkOf(frMail!)!;
      const arLink = linkOf(arMail!)!;
      assert.ok(frLink && arLink);
      assert.notEqual(frLink.searchParams.get('token'), arLink.searchParams.get('token'));
      assert.deepEqual(
        await server.app.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM consent_tokens WHERE token_hash = $1', [
          Buffer.from(frLink.searchParams.get('token')!, 'utf8'),
        ]),
        [{ n: 0 }],
        'the token itself is not stored',
      );

      // The page asks; opening it (as a link scanner would) confirms nothing.
      const page = await openLink(frLink);
      assert.equal(page.status, 200);
      assert.match(page.text, /<html lang="fr" dir="ltr">/);
      assert.match(page.text, /Confirmez que vous voulez recevoir des nouvelles de la campagne de la pétition « Petition mail »\./);
      assert.match(page.text, /<form method="post" action="\/confirm">/);
      assert.match(page.text, /<button type="submit">Confirmer mon inscription<\/button>/);
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer', 'the token never leaves in a Referer');
      assert.equal(page.headers.get('cache-control'), 'no-store');
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'.*form-action 'self'/);
      assert.equal((await openLink(frLink)).status, 200, 'still waiting for the click');
      const arPage = await openLink(arLink);
      assert.match(arPage.text, /<html lang="ar" dir="rtl">/);
      assert.match(arPage.text, /تأكيد اشتراكي/);

      const before = await csvOf(server, 'mail');
      assert.deepEqual(
        before.map((row) => [row.email, row.consent_newsletter_granted, row.consent_newsletter_state]),
        [
          [fr.person.email, 'true', 'pending'],
          [en.person.email, 'false', ''],
          [ar.person.email, 'true', 'pending'],
        ],
      );

      // The click confirms, once.
      const confirmed = await postToken(frLink);
      assert.equal(confirmed.status, 200);
      assert.match(confirmed.text, /<p role="status">Merci : votre inscription est confirmée\.<\/p>/);
      const again = await postToken(frLink);
      assert.equal(again.status, 409);
      assert.match(again.text, /Votre inscription est déjà confirmée\./);
      assert.equal((await openLink(frLink)).status, 409, 'the page says so too');
      assert.doesNotMatch((await openLink(frLink)).text, /<form/);
      const after = await csvOf(server, 'mail');
      assert.deepEqual(
        after.map((row) => row.consent_newsletter_state),
        ['confirmed', '', 'pending'],
        'only the clicked signature is confirmed',
      );
      // The relay carries the state too (what a webhook receives).
      const stored = await server.app.store.readSignature(
        'mail',
        (
          await server.app.store.db.query<{ id: number }>('SELECT id FROM signatures WHERE petition_id = $1 ORDER BY id LIMIT 1', ['mail'])
        )[0]!.id,
      );
      assert.deepEqual(
        (webhookBody('d', stored!).consents as Array<{ state: string }>).map((c) => c.state),
        ['confirmed'],
      );

      // A made-up or damaged token.
      const wrong = new URL(frLink);
      wrong.searchParams.set('token', 'A'.repeat(43));
      assert.equal((await openLink(wrong)).status, 404);
      assert.match((await postToken(wrong)).text, /This confirmation link is not valid\./);
      wrong.searchParams.set('token', '<script>');
      assert.equal((await openLink(wrong)).status, 404);
    });

    test('a suspect submission gets no mail; once accepted by the operator, it gets its thank-you like any signature', async () => {
      const mailbox = await smtp();
      const server = await shared();
      await createPetition(server, 'review');
      const request = signature({ locale: 'fr', client: { ...signature().client, trap: 'http://spam.example' } });
      assert.equal((await postSignature(server.url, 'review', request)).status, 201, 'answered like a signature');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(mailTo(mailbox, request.person.email).length, 0, 'a suspect gets no mail');
      const [suspect] = await listSuspects(server.app.store, 'review');
      assert.equal((await acceptSuspect(server.app.store, suspect!.id)).kind, 'counted');
      await eventually(() => mailTo(mailbox, request.person.email).length === 1, 8000, 'the accepted signer’s mail');
      assert.equal(mailTo(mailbox, request.person.email)[0]!.subject, 'Merci d’avoir signé « Petition review »');
    });

    test('a petition with mail off: its signers get no mail, the consenting one neither; a mail queued before it was turned off is dropped, not sent', async () => {
      const box = await mailbox(); // down at first: the mails wait in the outbox
      const server = await startTestServer(await backend.fresh(), {
        rateLimit: false,
        relay: false,
        mail: { smtpUrl: `smtp://127.0.0.1:${box.port}`, from: 'team@example.org', ...FAST },
      });
      await createPetition(server, 'watched', { mailSigners: false });
      await createPetition(server, 'turned-off');
      await createPetition(server, 'ordinary');
      const outbox = async () => (await server.app.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mail_outbox'))[0]!.n;

      const watched = [signature({ consents: granted('fr') }), signature()];
      for (const request of watched) assert.equal((await postSignature(server.url, 'watched', request)).status, 201);
      assert.equal(await outbox(), 0, 'nothing queued for a petition with mail off');

      const early = signature();
      assert.equal((await postSignature(server.url, 'turned-off', early)).status, 201);
      assert.equal(await outbox(), 1, 'queued while mail was on');
      assert.equal((await updatePetition(server.app.store, 'turned-off', { mailSigners: false }))?.mailSigners, false);

      const control = signature();
      assert.equal((await postSignature(server.url, 'ordinary', control)).status, 201);
      await box.up();
      await eventually(() => mailTo(box, control.person.email).length === 1, 8000, 'the other petition’s mail');
      await eventually(async () => (await outbox()) === 1, 8000, 'the queued mail dropped (the delivered one stays)');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(
        box.received.flatMap((mail) =>
          (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((to) => to?.value.map((v) => v.address) ?? []),
        ),
        [control.person.email],
        'only the other petition’s signer was mailed',
      );
      assert.deepEqual(
        (await csvOf(server, 'watched')).map((row) => row.consent_newsletter_state),
        ['pending', ''],
        'with no link to follow, the granted consent stays pending',
      );
    });

    test('no SMTP configured: said once at start; no mail is queued and a granted consent stays pending', async () => {
      const notices: string[] = [];
      const server = await startTestServer(await backend.fresh(), {
        rateLimit: false,
        relay: false,
        onNotice: (message) => void notices.push(message),
      });
      assert.deepEqual(
        notices.filter((n) => /SMTP/.test(n)),
        ['No SMTP_URL: no confirmation email is sent, and granted consents stay "pending" (docs/server.md, "Confirmation email").\n'],
      );
      await createPetition(server, 'quiet');
      assert.equal((await postSignature(server.url, 'quiet', signature({ consents: granted('fr') }))).status, 201);
      assert.deepEqual(await server.app.store.db.query('SELECT count(*)::int AS n FROM mail_outbox'), [{ n: 0 }]);
      assert.deepEqual(
        (await csvOf(server, 'quiet')).map((row) => row.consent_newsletter_state),
        ['pending'],
      );
      assert.equal(server.app.mail, undefined);
    });

    test('an expired link says so, in the signer’s language, and confirms nothing', async () => {
      const mailbox = await mailbox2();
      const database = await backend.fresh();
      const server = await startTestServer(database, {
        rateLimit: false,
        relay: false,
        mail: { smtpUrl: `smtp://127.0.0.1:${mailbox.port}`, from: 'team@example.org', confirmTtlMs: 300, ...FAST },
      });
      await createPetition(server, 'late');
      const request = signature({ locale: 'de', consents: granted('de') });
      assert.equal((await postSignature(server.url, 'late', request)).status, 201);
      await eventually(() => mailbox.received.length === 1, 8000, 'the mail');
      const link = linkOf(mailbox.received[0]!)!;
      await new Promise((resolve) => setTimeout(resolve, 400));
      const page = await openLink(link);
      assert.equal(page.status, 410);
      assert.match(page.text, /Dieser Bestätigungslink ist abgelaufen: Ihre Anmeldung wurde nicht bestätigt\./);
      assert.doesNotMatch(page.text, /<form/);
      assert.equal((await postToken(link)).status, 410);
      assert.deepEqual(
        (await csvOf(server, 'late')).map((row) => row.consent_newsletter_state),
        ['pending'],
      );
    });
  });
}

test('start refuses a wrong SMTP setting with a clear message, before opening the database', async () => {
  const database = { dataDir: path.join(tempDir('agir-mail-cli-'), 'db') };
  const noFrom = await runCli(database, ['start', '--port', '0'], { SMTP_URL: 'smtp://127.0.0.1:2525' });
  assert.equal(noFrom.code, 2);
  assert.match(noFrom.err, /--smtp-url needs --mail-from ADDRESS \(or AGIR_MAIL_FROM\)/);
  const notSmtp = await runCli(database, ['start', '--port', '0', '--smtp-url', 'https://mail.example', '--mail-from', 'team@example.org']);
  assert.equal(notSmtp.code, 1);
  assert.match(notSmtp.err, /Email: the SMTP URL must start with smtp:\/\/ or smtps:\/\/, not https:\/\//);
  const badFrom = await runCli(database, ['start', '--port', '0', '--smtp-url', 'smtp://127.0.0.1:2525', '--mail-from', 'nobody']);
  assert.equal(badFrom.code, 1);
  assert.match(badFrom.err, /the From address "nobody" is not an address/);
});

test('smtp:// to another machine requires STARTTLS; a loopback relay may talk plain SMTP; the URL can say otherwise', async () => {
  assert.deepEqual(smtpSecurity('smtp://campaign:secret@smtp.example.org:587'), { requireTLS: true });
  assert.deepEqual(smtpSecurity('smtp://10.0.0.5:25'), { requireTLS: true });
  assert.deepEqual(smtpSecurity('smtps://campaign:secret@smtp.example.org:465'), { requireTLS: false }, 'TLS from the start');
  for (const local of ['smtp://127.0.0.1:25', 'smtp://localhost:25', 'smtp://[::1]:25'])
    assert.deepEqual(smtpSecurity(local), { requireTLS: false }, local);
  // Required (here by the URL, as it is by default for another host), against a server without STARTTLS: nothing is sent.
  const box = await mailbox();
  await box.up();
  const server = await startTestServer(
    { dataDir: path.join(tempDir('agir-mail-tls-'), 'db') },
    {
      rateLimit: false,
      relay: false,
      mail: { smtpUrl: `smtp://127.0.0.1:${box.port}/?requireTLS=true`, from: 'team@example.org', ...FAST },
    },
  );
  await createPetition(server, 'tls');
  assert.equal((await postSignature(server.url, 'tls', signature({ consents: granted('fr') }))).status, 201);
  await eventually(async () => (await mailStatus(server.app.store)).lastError !== null, 8000, 'a refused attempt');
  assert.equal(box.received.length, 0, 'never sent in clear');
  assert.equal(
    (await mailStatus(server.app.store)).lastError,
    'no TLS: the SMTP server did not start TLS (STARTTLS), and nothing is sent in clear',
  );
});

/** A second SMTP server, up from the start. */
async function mailbox2(): Promise<Mailbox> {
  const box = await mailbox();
  await box.up();
  return box;
}
