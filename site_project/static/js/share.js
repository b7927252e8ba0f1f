// The share box's copy-link button. Without JavaScript the reader sees the
// URL in a read-only field instead; with it, one tap copies the URL.
(function () {
  "use strict";
  document.querySelectorAll("[data-share]").forEach(function (box) {
    var item = box.querySelector("[data-share-copy-item]");
    var button = box.querySelector("[data-share-copy]");
    var field = box.querySelector("[data-share-url]");
    var row = box.querySelector("[data-share-url-row]");
    var status = box.querySelector("[data-share-status]");
    if (!item || !button || !field || !status) return;

    item.hidden = false;
    row.hidden = true;

    function showField(message) {
      row.hidden = false;
      field.focus();
      field.select();
      status.textContent = message;
    }

    button.addEventListener("click", function () {
      if (!navigator.clipboard || !window.isSecureContext) {
        showField(button.dataset.fallback);
        return;
      }
      navigator.clipboard.writeText(field.value).then(
        function () {
          // Cleared first so a second tap is announced again.
          status.textContent = "";
          window.setTimeout(function () { status.textContent = button.dataset.done; }, 50);
        },
        function () { showField(button.dataset.fallback); }
      );
    });
  });
})();
