"""The Redis cache backend carries on without Redis (serving/redis_cache.py):
a call costs at most a short timeout, then none for a few seconds; and the
first call that reaches Redis again purges `site`, so nothing kept before
the outage is trusted after it. Against a redis-server of the test's own."""

import time

import pytest
from django.core.cache import caches

from serving import tokens
from tests.faults.conftest import RedisServer

pytestmark = pytest.mark.redis


@pytest.fixture
def own_redis(tmp_path, settings):
    """A cache alias on a redis-server of its own, which the test may stop."""
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = {
        **settings.CACHES,
        "own": {"BACKEND": "serving.redis_cache.RedisCache", "LOCATION": server.url, "OPTIONS": {"retry_after": 0.5}},
    }
    settings.SERVING_CACHE_ALIAS = "own"
    yield server, caches["own"]
    if server.process is not None:
        server.process.kill()
        server.process.wait()


def test_with_redis_stopped_calls_answer_as_misses_and_stop_trying_for_a_while(own_redis):
    server, cache = own_redis
    cache.set("greeting", "こんにちは")
    server.stop(save=False)

    began = time.monotonic()
    first = cache.get("greeting", "既定値")
    first_took = time.monotonic() - began
    began = time.monotonic()
    answers = [cache.get_many(["greeting"]) for _ in range(200)] + [cache.add("x", 1), cache.incr("count")]
    rest_took = time.monotonic() - began

    assert first == "既定値" and first_took < 1
    assert answers == [{}] * 200 + [False, 1]
    assert rest_took < 0.05  # no connection attempted
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]  # "not stored", as Django's API says
    assert tokens.purge(["page-1"]) == ["page-1"]


def test_when_redis_returns_the_first_call_purges_site_before_reading(own_redis):
    server, cache = own_redis
    before = tokens.current_tokens(["site", "page-1"])
    server.stop(save=True)  # it comes back holding the same tokens
    assert tokens.current_tokens(["site"]) == {"site": None}  # unknown while down

    server.start()
    time.sleep(0.6)
    after = tokens.current_tokens(["site", "page-1"])

    assert after["site"] != before["site"]
    assert after["page-1"] == before["page-1"]
    assert not tokens.was_purged_since(after, time.time() + 1)
