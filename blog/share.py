"""Share links for an article: plain URLs to each service's own share page,
so no third-party script ever loads on the reader's phone."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _

# (key, label, share page, query built from the page's url and title)
SERVICES = [
    ("line", _("LINE"), "https://social-plugins.line.me/lineit/share", lambda url, title: {"url": url, "text": title}),
    ("x", _("X"), "https://x.com/intent/post", lambda url, title: {"text": title, "url": url}),
    ("facebook", _("Facebook"), "https://www.facebook.com/sharer/sharer.php", lambda url, title: {"u": url}),
    ("hatena", _("はてブ"), "https://b.hatena.ne.jp/add", lambda url, title: {"mode": "confirm", "url": url, "title": title}),
]


def share_links(url, title):
    """[(key, label, href)] for each service, the absolute URL and the title
    percent-encoded as UTF-8 (a Japanese title or slug survives intact)."""
    return [
        (key, label, f"{endpoint}?{urlencode(query(url, title), quote_via=quote)}")
        for key, label, endpoint, query in SERVICES
    ]
