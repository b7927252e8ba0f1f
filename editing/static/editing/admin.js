// Wagtail's date picker (jquery.datetimepicker) builds a hidden "Save Selected"
// button with a hard-coded English label that gettext cannot reach; screen
// readers and page scanners still find it. Name it in Japanese as it appears.
(() => {
  const label = document.currentScript.dataset.saveSelectedLabel;
  const rename = (root) => {
    root.querySelectorAll?.(".xdsoft_save_selected").forEach((button) => {
      button.textContent = label;
    });
  };
  new MutationObserver((mutations) => {
    mutations.forEach((mutation) => mutation.addedNodes.forEach((node) => rename(node)));
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
