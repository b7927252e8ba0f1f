// Two things Wagtail's admin leaves to us.
(() => {
  const script = document.currentScript;

  // 1. Wagtail's date picker (jquery.datetimepicker) builds a hidden "Save
  // Selected" button with an English label gettext cannot reach; screen
  // readers and page scanners still find it. Name it in Japanese.
  const rename = (root) => {
    root.querySelectorAll?.(".xdsoft_save_selected").forEach((button) => {
      button.textContent = script.dataset.saveSelectedLabel;
    });
  };
  new MutationObserver((mutations) => {
    mutations.forEach((mutation) => mutation.addedNodes.forEach((node) => rename(node)));
  }).observe(document.documentElement, { childList: true, subtree: true });

  // 2. A new article's slug in romaji as the editor types the title. Wagtail
  // copies the title into the slug (a Japanese, percent-encoded URL); we
  // replace that copy with the title's reading, but never a slug the editor
  // typed. The server makes the same suggestion on save (blog/forms.py).
  const suggestUrl = script.dataset.slugSuggestUrl;
  const addingArticle = /\/pages\/add\/blog\/articlepage\/\d+\/$/.test(window.location.pathname);
  if (!suggestUrl || !addingArticle) return;
  document.addEventListener("DOMContentLoaded", () => {
    const title = document.querySelector('input[name="title"]');
    const slug = document.querySelector('input[name="slug"]');
    if (!title || !slug) return;
    let suggested = "";
    let pending = null;
    const chosenByEditor = () => slug.value !== "" && slug.value !== suggested && /^[\x00-\x7f]*$/.test(slug.value);
    const suggest = async () => {
      if (chosenByEditor()) return;
      const response = await fetch(`${suggestUrl}?${new URLSearchParams({ title: title.value })}`, {
        headers: { Accept: "application/json" },
      });
      if (!response.ok || chosenByEditor()) return;
      const { slug: romaji } = await response.json();
      if (romaji) {
        suggested = romaji;
        slug.value = romaji;
      }
    };
    title.addEventListener("input", () => {
      clearTimeout(pending);
      pending = setTimeout(suggest, 300);
    });
    title.addEventListener("change", suggest);
  });
})();
