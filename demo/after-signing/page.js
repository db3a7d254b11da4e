// The page's own tools, as a campaign site has them. Stand-ins here: `_paq` (Matomo's command queue) and
// `dataLayer` (a tag manager's) are plain arrays that nothing sends anywhere, and the consent banner keeps the
// reader's answer for this visit only. A real page loads its own Matomo or tag manager, and its own banner or
// consent platform; all the recipe (analytics.js) needs from it is the answer, on <html data-analytics-consent>.
window._paq = window._paq || [];
window.dataLayer = window.dataLayer || [];

document.addEventListener('DOMContentLoaded', () => {
  const status = document.getElementById('consent-status');
  const answer = (granted) => () => {
    document.documentElement.dataset.analyticsConsent = granted ? 'granted' : 'denied';
    status.textContent = granted ? 'Merci : mesure d’audience acceptée.' : 'C’est noté : aucune mesure d’audience.';
  };
  document.getElementById('consent-yes').addEventListener('click', answer(true));
  document.getElementById('consent-no').addEventListener('click', answer(false));
});
