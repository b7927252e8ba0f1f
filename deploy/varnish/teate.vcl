# Varnish in front of Teate's gunicorn workers (docs/serving.md).
#
# - Anonymous GET/HEAD of reader pages come from the cache; the app says for
#   how long (Cache-Control: s-maxage) and what each page shows (X-Cache-Tags).
# - Anything personal passes: a session or messages cookie, the admin,
#   documents, Authorization, any other method.
# - The app purges with `BAN` and an X-Purge-Tags header (serving/purge.py);
#   only the addresses in the `purgers` ACL (backends.vcl) may.
# - Gzip only for pages that are the same for everyone, so no page carrying
#   a secret (CSRF token, session) is ever compressed: no BREACH oracle.
# - Varnish reads whole requests (bodies included) and fetches whole
#   responses before a gunicorn sync worker is involved or released, so a
#   slow client holds a cheap Varnish thread, never a worker.
vcl 4.1;

import directors;
import std;

# The backends, the `app` director and the `purgers` ACL: one file per setup.
include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.X-Purge-Tags !~ "^[a-z0-9-]+(\|[a-z0-9-]+)*$") {
            return (synth(400, "Bad X-Purge-Tags"));
        }
        # Objects carry X-Cache-Tags: ",articles,page-42,site," (serving/middleware.py).
        if (std.ban("obj.http.X-Cache-Tags ~ ,(" + req.http.X-Purge-Tags + "),")) {
            return (synth(200, "Banned"));
        }
        return (synth(500, std.ban_error()));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        # Buffer the whole upload first: a slow POST must not hold a worker.
        std.cache_req_body(20MB);
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|documents|media)/" || req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # --- contact form (docs/contact.md, "Behind the caches") ---
    # The reader's csrftoken alone goes on to the app, so a form opened again
    # (a second tab, back and reload) keeps the token of the forms already
    # open. It never changes a cached page: the hash leaves cookies out, and
    # only responses the app tagged as the same for everyone are stored.
    # Any other cookie (analytics) changes nothing a reader sees.
    if (req.http.Cookie ~ "(^|;\s*)csrftoken=") {
        set req.http.Cookie = regsub(req.http.Cookie, "^(.*;\s*)?(csrftoken=[^;]*).*$", "\2");
    } else {
        unset req.http.Cookie;
    }
    # The site speaks one language; one copy per Accept-Language would split the cache.
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_hash {
    # http:// is answered with a redirect, https:// with the page.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || (!beresp.http.X-Cache-Tags && bereq.url !~ "^/static/")) {
        # Remember for a while that this URL is not cacheable (hit-for-miss).
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    # stale-while-revalidate: serve the old copy while one fetch refreshes it.
    # Purged (banned) copies are gone, never served stale.
    set beresp.grace = 30s;
    if (beresp.http.Content-Type ~ "^(text/|application/(rss\+xml|atom\+xml|xml|json|javascript))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "hit";
    } else {
        set resp.http.X-Proxy-Cache = "miss";
    }
    unset resp.http.X-Cache-Tags;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
