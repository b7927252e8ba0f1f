/* Google Analytics 4, started without an inline script, so the readers'
   Content-Security-Policy keeps forbidding inline code. The measurement ID
   comes from this tag's data-ga4-id (clinic settings, templates/components/
   analytics.html). Google Signals and ad personalisation stay off: the
   policy does not allow their hosts, and the 外部送信 page says so. */
(function () {
  "use strict";

  var script = document.currentScript;
  var id = script && script.getAttribute("data-ga4-id");
  if (!id) return;
  window.dataLayer = window.dataLayer || [];
  function gtag() {
    window.dataLayer.push(arguments);
  }
  gtag("js", new Date());
  gtag("config", id, { allow_google_signals: false, allow_ad_personalization_signals: false });
})();
