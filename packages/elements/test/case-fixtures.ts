/** Contract payloads shared by the case-card and case-card-list suites. */

// Photos point at a closed loopback port (no network at all: the image simply fails).
export const offlinePhoto = 'http://127.0.0.1:9/akber.jpg';

export type Payload = Record<string, unknown>;

export const akber = (overrides: Payload = {}): Payload => ({
  id: 'akber',
  name: 'Akber',
  isGroup: false,
  photo: { src: offlinePhoto, alt: 'Portrait d’Akber', credit: '© Amnesty International', width: 800, height: 600 },
  country: 'CN',
  region: 'Xinjiang',
  category: ['arbitrary-detention'],
  status: { kind: 'detained', since: '2018' },
  summary: 'Akber fait partie de ces milliers de personnes détenues dans la région autonome ouïghoure du Xinjiang.',
  story: ['Akber a été arrêté en 2018 sans explication.', 'Sa famille n’a plus de nouvelles depuis.'],
  quote: { text: 'Je ne serai plus jamais heureuse.', author: 'Adila, sa fille' },
  action: { label: 'Agir', url: 'https://www.example.org/agir/akber' },
  tags: ['xinjiang'],
  updatedAt: '2026-11-01T10:00:00Z',
  locale: 'fr',
  ...overrides,
});

export const numbered = (index: number): Payload =>
  akber({
    id: `case-${index}`,
    name: `Personne ${index}`,
    story: undefined,
    quote: undefined,
    action: { label: 'Agir', url: `https://www.example.org/agir/case-${index}` },
  });

export function list(count: number): Payload[] {
  return Array.from({ length: count }, (_, index) => numbered(index));
}
