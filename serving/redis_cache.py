"""Django's Redis cache backend, keeping one Redis client per server, and
carrying on without Redis when it is down.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` for every
command; redis-py fills a table of about 170 reply callbacks in each one's
constructor, which made up over half the cost of a page-cache hit
(docs/serving.md, "Figures"). A `redis.Redis` is safe to share between
threads (each command borrows a connection from the pool), and the pool
notices a fork and starts afresh, so one client per connection pool is
enough for the life of a process.

The cache is an optimisation: with Redis refused, timing out or restarting,
every call answers as a miss (`get` its default, `get_many` nothing, `set`
and `add` store nothing, `set_many` names every key as not stored) after at
most a short timeout, and then for `RETRY_AFTER` seconds without trying at
all (a circuit breaker, one per server and process, shared by the page
cache, the pieces and tokens, and anything else using the cache). The first
call that reaches Redis again first purges `site` (`on_recovery`), so
nothing kept before the outage is trusted after it (docs/operations.md,
"Redis down").

Use it as the `BACKEND` of a cache exactly like Django's own
`django.core.cache.backends.redis.RedisCache`; `OPTIONS` may override the
timeouts below (seconds).
"""

import logging
import threading
import time

import redis.exceptions
from django.core.cache.backends import redis as django_redis

from . import tags, tokens

logger = logging.getLogger(__name__)

# Loopback or a LAN answers in a millisecond: past these, Redis is taken as down.
CONNECT_TIMEOUT = 0.25
SOCKET_TIMEOUT = 0.5
# Seconds without trying after a failure.
RETRY_AFTER = 5.0
UNAVAILABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class Breaker:
    """Open for `retry_after` seconds after a failure; `outage` stays set
    until a call reaches Redis again and recovery has run."""

    def __init__(self, retry_after):
        self.retry_after = retry_after
        self.open_until = 0.0
        self.outage = False
        self.lock = threading.Lock()

    def allows(self):
        return time.monotonic() >= self.open_until

    def trip(self, error):
        with self.lock:
            if not self.outage:
                logger.warning("Redis is unavailable, serving without the cache: %s", error)
            self.outage = True
            self.open_until = time.monotonic() + self.retry_after

    def recovered(self):
        """True once, for the first caller after an outage."""
        with self.lock:
            was_out, self.outage = self.outage, False
        return was_out


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(location, retry_after):
    with _breakers_lock:
        return _breakers.setdefault(location, Breaker(retry_after))


class SharedClientRedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


def _guarded(name, when_down):
    """The backend's `name` method, answering `when_down(*args, **kwargs)`
    instead of raising while Redis is unavailable."""
    method = getattr(django_redis.RedisCache, name)

    def call(self, *args, **kwargs):
        breaker = self.breaker
        if not breaker.allows():
            return when_down(*args, **kwargs)
        try:
            if breaker.outage:
                # Before anything is read: threads arriving meanwhile
                # recover too, which only purges `site` once more.
                self.on_recovery()
                breaker.recovered()
            return method(self, *args, **kwargs)
        except UNAVAILABLE as error:
            breaker.trip(error)
            return when_down(*args, **kwargs)

    call.__name__ = name
    return call


def _default(key, default=None, *args, **kwargs):
    return default


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        # A copy: Django hands each thread's instance the same OPTIONS.
        options = {"socket_connect_timeout": CONNECT_TIMEOUT, "socket_timeout": SOCKET_TIMEOUT, **params.get("OPTIONS", {})}
        retry_after = options.pop("retry_after", RETRY_AFTER)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = SharedClientRedisCacheClient
        self.breaker = breaker_for(server, retry_after)

    def on_recovery(self):
        """After an outage, before anything is read again: purge `site`,
        which everything kept under tags carries (serving/tokens.py). A
        purge sent while Redis was down never reached it, so nothing kept
        before the outage is trusted after it. Unguarded: an error here
        leaves the outage on."""
        serving = tokens.store()
        if isinstance(serving, django_redis.RedisCache):
            django_redis.RedisCache.set_many(serving, tokens.purge_entries([tags.SITE]), timeout=None)

    get = _guarded("get", _default)
    get_many = _guarded("get_many", lambda keys, *args, **kwargs: {})
    set = _guarded("set", lambda *args, **kwargs: None)
    add = _guarded("add", lambda *args, **kwargs: False)
    touch = _guarded("touch", lambda *args, **kwargs: False)
    delete = _guarded("delete", lambda *args, **kwargs: False)
    has_key = _guarded("has_key", lambda *args, **kwargs: False)
    # A count kept in Redis (page-password attempts) counts nothing meanwhile.
    incr = _guarded("incr", lambda key, delta=1, *args, **kwargs: delta)
    set_many = _guarded("set_many", lambda data, *args, **kwargs: list(data))
    delete_many = _guarded("delete_many", lambda *args, **kwargs: None)
    clear = _guarded("clear", lambda *args, **kwargs: False)

    def validate_key(self, key):
        """Redis takes any key: skip the memcached key warnings, a loop over
        every character of every key on every read (Django's docs,
        "Cache key warnings", suggest exactly this override)."""
