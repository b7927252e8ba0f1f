"""What every template may use, looked up at most once per request and only
if a template asks: the site's blog (header, footer, feed link) and the
clinic's settings (name, phone, booking links), and how long a search may
be (the header's search box). A page's own context wins:
blog pages pass the blog they already hold."""

from django.utils.functional import SimpleLazyObject

from blog.models import BlogIndexPage
from clinic.models import ClinicSettings
from search.analyser import MAX_QUERY_CHARS


def site(request):
    return {
        "blog_index": SimpleLazyObject(lambda: BlogIndexPage.for_request(request)),
        "clinic": SimpleLazyObject(lambda: ClinicSettings.for_request(request)),
        "search_max_chars": MAX_QUERY_CHARS,
    }
