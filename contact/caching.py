"""The one place the contact form meets the caches (docs/contact.md,
"Behind the caches"). A form page carries a CSRF token, and after a
submission the reader's own answers or errors: no shared cache may keep
it. `Cache-Control: private, no-store` makes the app's page cache pass it
(serving/policy.py refuses private and no-store) and Varnish too
(deploy/varnish/teate.vcl: hit-for-miss), and no browser keeps a copy of a
form holding health details on a shared family tablet."""

from django.utils.cache import add_never_cache_headers


def never_shared(response):
    add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
    return response
