"""Old WordPress URLs → their new pages, as wagtail.contrib.redirects rows.

Paths are stored decoded (Redirect.normalise_path), and Wagtail's
RedirectMiddleware looks a request up both decoded and percent-encoded, so
`/%e8%86%9d/` and `/膝/` both find the row. Query-string forms (`/?p=12`)
land on the home page, which answers 200, so wordpress.middleware looks
those up before the page is served.
"""

from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect


def old_path(url):
    """A permalink or path → the key Wagtail stores (decoded, no trailing
    slash, query sorted), or None for something that is not a local path."""
    parts = urlsplit(url.strip())
    path = parts.path or "/"
    if not path.startswith("/"):
        return None
    return Redirect.normalise_path(path + (f"?{parts.query}" if parts.query else ""))


class Redirects:
    def __init__(self, site, report):
        self.site = site
        self.report = report
        self.seen = set()
        # One query for all of this site's redirects, not one per old URL.
        self.existing = {r.old_path: r for r in Redirect.objects.filter(site=site)}
        self.added = []  # new rows, saved together by flush()
        self._last_url = (None, None)  # (page ID, URL): a post has up to three old URLs

    def _url(self, page):
        if self._last_url[0] != page.pk:
            self._last_url = (page.pk, page.url)
        return self._last_url[1]

    def add(self, url, *, page=None, link=""):
        old = old_path(url)
        if old is None or old == "/" or old in self.seen:
            return
        self.seen.add(old)
        new_url = self._url(page) if page is not None else link
        if new_url is None or old == Redirect.normalise_path(new_url):
            return  # same address as before: nothing to redirect
        # The page's ID, not the page: the rows are kept for the whole run,
        # and a page holds its body and revision (memory would grow with N).
        page_id = page.pk if page is not None else None
        target = {"redirect_page_id": page_id, "redirect_link": "" if page is not None else link}
        existing = self.existing.get(old)
        if existing is None:
            self.existing[old] = Redirect(site=self.site, old_path=old, is_permanent=True, **target)
            self.added.append(self.existing[old])
            self.report.count("redirect", "created")
            self.report.redirect(old, new_url)
        elif existing.redirect_page_id != page_id or existing.redirect_link != target["redirect_link"]:
            for field, value in target.items():
                setattr(existing, field, value)
            existing.is_permanent = True
            existing.save()
            self.report.count("redirect", "updated")
            self.report.redirect(old, new_url)
        else:
            self.report.count("redirect", "unchanged")

    def flush(self):
        """Save the new redirects. An old path is added once per run (seen),
        so a row waiting here is never updated before it is saved."""
        Redirect.objects.bulk_create(self.added)
        self.added = []
