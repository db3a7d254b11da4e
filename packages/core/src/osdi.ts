/**
 * The Action Network (OSDI) record signature helper body, one home for the server's relay and the browser's
 * Action Network adapter (https://actionnetwork.org/docs/v2/record_signature_helper; OSDI:
 * opensupporter/osdi-docs record_signature.md): the person with one email address and one postal address,
 * `status: "subscribed"` only when the signer granted the consent that subscribes (the helper knows no other
 * status: without consent the address has none), the consent's words and version as the person's custom
 * fields (`agir_consent_version`, `agir_consent_text`) beside that status, the comment, the referrer data,
 * an idempotency identifier, and tags. DOM-free.
 */

/** One signature as the helper needs it (the relay's stored row and a form's request both map onto it). */
export interface OsdiSigner {
  givenName: string;
  familyName: string;
  email: string;
  country: string;
  postalCode?: string | null | undefined;
  comment?: string | null | undefined;
  /** The page that sent the reader to the petition (`document.referrer`), if any. */
  referrer?: string | null | undefined;
  /** The `utm_source` of the signing page, if any. */
  utmSource?: string | null | undefined;
  consents: ReadonlyArray<{ id: string; granted: boolean; text: string; version: string }>;
}

export interface OsdiOptions {
  /** The idempotency identifier, sent as `agir:<identifier>` (the relay's delivery id, a form's idempotency key). */
  identifier: string;
  /** Tags added to the person (`add_tags`). */
  tags?: readonly string[] | undefined;
  /** The consent that subscribes the person (default `newsletter`, the form's tick box). */
  consentId?: string | undefined;
}

/** The helper's JSON body for one signature. */
export function osdiSignature(
  signer: OsdiSigner,
  { identifier, tags = [], consentId = 'newsletter' }: OsdiOptions,
): Record<string, unknown> {
  const consent = signer.consents.find((item) => item.id === consentId && item.granted === true);
  let website: string | undefined;
  try {
    website = signer.referrer ? new URL(signer.referrer).hostname : undefined;
  } catch {
    website = undefined;
  }
  const referrerData = {
    ...(signer.utmSource ? { source: signer.utmSource } : {}),
    ...(website ? { website, url: signer.referrer } : {}),
  };
  return {
    identifiers: [`agir:${identifier}`],
    person: {
      given_name: signer.givenName,
      family_name: signer.familyName,
      email_addresses: [{ address: signer.email, ...(consent ? { status: 'subscribed' } : {}) }],
      postal_addresses: [{ ...(signer.postalCode ? { postal_code: signer.postalCode } : {}), country: signer.country }],
      ...(consent ? { custom_fields: { agir_consent_version: consent.version, agir_consent_text: consent.text } } : {}),
    },
    ...(signer.comment ? { comments: signer.comment } : {}),
    ...(Object.keys(referrerData).length ? { referrer_data: referrerData } : {}),
    ...(tags.length ? { add_tags: [...tags] } : {}),
  };
}
