"""Production refuses a page cache that lives inside one process: no purge
could reach the other workers, so they would serve old pages for minutes."""

from django.conf import settings
from django.core import checks
from django.core.cache import caches

from serving.tokens import LOCAL_BACKENDS


def local_cache_problem():
    """A sentence saying why the page cache may not start, or None."""
    if not settings.SERVING_PAGE_CACHE or settings.DEBUG or settings.SERVING_ALLOW_LOCAL_CACHE:
        return None
    backend = caches[settings.SERVING_CACHE_ALIAS]
    if isinstance(backend, LOCAL_BACKENDS):
        return (
            f"The page cache uses {type(backend).__name__}, which each process keeps to itself, "
            "so a purge on publish cannot reach the other workers. Set REDIS_URL."
        )
    return None


@checks.register(checks.Tags.caches)
def check_page_cache_is_shared(app_configs, **kwargs):
    problem = local_cache_problem()
    if problem is None:
        return []
    return [checks.Error(problem, id="serving.E001")]
