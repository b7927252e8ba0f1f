"""Django's Redis cache backend, keeping one Redis client per server.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` for every
command; redis-py fills a table of about 170 reply callbacks in each one's
constructor, which made up over half the cost of a page-cache hit
(docs/serving.md, "Figures"). A `redis.Redis` is safe to share between
threads (each command borrows a connection from the pool), and the pool
notices a fork and starts afresh, so one client per connection pool is
enough for the life of a process.

Use it as the `BACKEND` of a cache exactly like Django's own
`django.core.cache.backends.redis.RedisCache`.
"""

from django.core.cache.backends import redis


class SharedClientRedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def validate_key(self, key):
        """Redis takes any key: skip the memcached key warnings, a loop over
        every character of every key on every read (Django's docs,
        "Cache key warnings", suggest exactly this override)."""
