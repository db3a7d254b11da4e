// A client for the organisation's own API (https://crm.example.org), which speaks its own JSON:
// each method fetches, turns the answer into the contract's shape, and rejects with Agir.AgirError.
const crm = 'https://crm.example.org/api';

async function read(url) {
  let response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new Agir.AgirError('network', `could not reach ${url}`, { cause });
  }
  if (response.status === 404) throw new Agir.AgirError('http', `${url}: not found`, { status: 404, code: 'not_found' });
  if (!response.ok) throw new Agir.AgirError('http', `${url} answered ${response.status}`, { status: response.status });
  return response.json();
}

const client = {
  endpoint: crm,
  // For signature-counter: the petition's figures. Without streamUrl the counters poll (every 30 s).
  async getPetition(id) {
    const campaign = await read(`${crm}/campaigns/${encodeURIComponent(id)}`);
    return {
      id,
      title: campaign.name,
      status: campaign.closed ? 'closed' : 'open',
      signatureCount: campaign.total,
      countryCount: campaign.countries,
      goal: campaign.target ?? null,
      updatedAt: campaign.modified,
      locale: campaign.language,
    };
  },
  // For case-card: one case, in the reader's language when the CRM has it.
  async getCase(id, { locale } = {}) {
    const person = await read(`${crm}/people/${encodeURIComponent(id)}?lang=${locale ?? ''}`);
    return {
      id,
      name: person.displayName,
      isGroup: false,
      country: person.countryCode,
      category: [],
      status: { kind: person.detained ? 'detained' : 'released', since: person.since },
      summary: person.summary,
      updatedAt: person.modified,
      locale: person.language,
    };
  },
};

(window.Agir ??= { queue: [] }).queue.push(['configure', [{ client }]]);
