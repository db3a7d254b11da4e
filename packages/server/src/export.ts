/**
 * The CSV export of a petition's signatures (with their consents), shared by `agir-server signatures export`
 * and the operator route `GET /api/v1/operator/petitions/{id}/signatures.csv`. RFC 4180, formula-safe (csv.ts).
 */
import { csvRow } from './csv.js';
import type { Store } from './store.js';

export interface ExportTally {
  /** Rows written. */
  count: number;
  /** Rows left out because their person key is gone (erased while being written). */
  unreadable: number;
}

/** The CSV in chunks of about 64 kB (the header first); `tally` is filled as it goes. */
export async function* signatureCsv(
  store: Store,
  petitionId: string,
  options: { bom?: boolean } = {},
  tally: ExportTally = { count: 0, unreadable: 0 },
): AsyncGenerator<string> {
  const consentIds = await store.consentIds(petitionId);
  const header = [
    'signed_at',
    'petition',
    'given_name',
    'family_name',
    'email',
    'country',
    'postal_code',
    'phone',
    'comment',
    'locale',
    'source_url',
    'source_referrer',
    'source_embed',
    'source_utm',
    ...consentIds.flatMap((id) => [`consent_${id}_granted`, `consent_${id}_text`, `consent_${id}_version`, `consent_${id}_state`]),
  ];
  let buffer = (options.bom === true ? '\uFEFF' : '') + csvRow(header);
  const unreadable = { count: 0 };
  for await (const row of store.exportSignatures(petitionId, 1000, unreadable)) {
    const consents = new Map(row.consents.map((consent) => [consent.id, consent]));
    buffer += csvRow([
      row.createdAt.toISOString(),
      row.petitionId,
      row.givenName,
      row.familyName,
      row.email,
      row.country,
      row.postalCode,
      row.phone,
      row.comment,
      row.locale,
      row.sourceUrl,
      row.sourceReferrer,
      row.sourceEmbed,
      row.sourceUtm ? JSON.stringify(row.sourceUtm) : null,
      ...consentIds.flatMap((id) => {
        const consent = consents.get(id);
        return consent ? [String(consent.granted), consent.text, consent.version, consent.state] : [null, null, null, null];
      }),
    ]);
    tally.count++;
    tally.unreadable = unreadable.count;
    if (buffer.length > 64 * 1024) {
      yield buffer;
      buffer = '';
    }
  }
  tally.unreadable = unreadable.count;
  yield buffer;
}
