"""Japanese search: an analyser that turns text into comparable tokens, an
index of what readers may see (SearchEntry), the reader query, and the
Wagtail search backend the admin uses. See docs/search.md."""
