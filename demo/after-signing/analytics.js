// Agir's events, forwarded to the page's own audience measurement — Matomo (`_paq`) or a tag manager's
// `dataLayer` — and only once the reader has consented. No third party: nothing leaves for a host the page
// does not already use. Nothing personal: each event gives only the fields listed below (a petition or case
// id, a step, a reason, a video provider), never a signature's payload, name, email or key.
//
// Consent is the page's: its banner or consent platform sets <html data-analytics-consent="granted">. It is
// read when each event happens, so nothing is forwarded before the reader says yes, nothing after they take
// it back, and nothing heard meanwhile is kept for later.
(() => {
  /** The events forwarded, each with the fields it gives. */
  const fields = {
    'agir-signed': (event) => ({ petition: event.petition, duplicate: event.duplicate }),
    'agir-queued': (event) => ({ petition: event.petition }),
    'agir-error': (event) => ({ petition: event.petition, reason: event.reason }),
    'agir-journey-step': (event) => ({ petition: event.petition, step: event.step, index: event.index, skipped: event.skipped }),
    'agir-action': (event) => ({ case: event.caseId, petition: event.petition }),
    'agir-video-consent': (event) => ({ provider: event.provider, remembered: event.remembered }),
    'agir-video-withdraw': (event) => ({ provider: event.provider }),
  };

  const consented = () => document.documentElement.dataset.analyticsConsent === 'granted';

  for (const [type, read] of Object.entries(fields)) {
    document.addEventListener(type, (event) => {
      if (!consented()) return;
      const data = read(event);
      // Matomo: an event of category "Agir", its action the event's name, its name the fields' values.
      if (window._paq?.push)
        window._paq.push([
          'trackEvent',
          'Agir',
          type,
          Object.values(data)
            .filter((value) => value !== undefined)
            .join(' / '),
        ]);
      // A tag manager: the event's name, and its fields under `agir`.
      if (window.dataLayer?.push) window.dataLayer.push({ event: type, agir: data });
    });
  }
})();
