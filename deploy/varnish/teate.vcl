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
# - App servers down (docs/operations.md): each backend is probed; while none
#   answers, or one answers a 5xx (its database is down), readers get the
#   copy held for up to GRACE past its life, and for what is not held a
#   Japanese 503 with Retry-After. Purges (BANs) need no backend, so a
#   publish made when the app returns still reaches every held copy.
vcl 4.1;

import directors;
import std;

# The backends (each probed with `app_health`), the `app` director and the
# `purgers` ACL: one file per setup.
include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();
    if (req.restarts > 0) {
        # Back from vcl_deliver with an error: any held copy will do.
        set req.grace = 6h;
    } else if (std.healthy(req.backend_hint)) {
        # stale-while-revalidate: an expired copy only while one fetch refreshes it.
        set req.grace = 30s;
    }

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
    # Shared by every reader: an error for it may be replaced by a held copy.
    set req.http.X-Teate-Shared = "1";
    return (hash);
}

sub vcl_backend_fetch {
    unset bereq.http.X-Teate-Shared;
}

sub vcl_hash {
    # http:// is answered with a redirect, https:// with the page.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        # Keep serving the copy being refreshed.
        return (abandon);
    }
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
    # Held this long past its life for when no app server answers (vcl_recv
    # lets a healthy backend's readers have 30 s of it). Purged (banned)
    # copies are gone, never served stale.
    set beresp.grace = 6h;
    if (beresp.http.Content-Type ~ "^(text/|application/(rss\+xml|atom\+xml|xml|json|javascript))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

# No app server answered. A read is tried once more (another backend, or
# another worker of the same gunicorn when one was killed mid-request);
# then a Japanese page saying to come back shortly.
sub vcl_backend_error {
    if (bereq.retries == 0 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    synthetic({"<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>ただいま表示できません</title></head>
<body>
<main><h1>ただいま表示できません</h1><p>サーバーが一時的に止まっています。すぐに復旧しますので、30秒ほどしてから、もう一度お試しください。</p><p><a href="/">ホームへ戻る</a></p></main>
</body>
</html>
"});
    return (deliver);
}

sub vcl_deliver {
    if (resp.status >= 500 && req.http.X-Teate-Shared && req.restarts == 0) {
        # The app (or its database) failed: look again for a held copy.
        return (restart);
    }
    if (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "hit";
    } else {
        set resp.http.X-Proxy-Cache = "miss";
    }
    unset resp.http.X-Cache-Tags;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
