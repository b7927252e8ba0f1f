"""What search engines and social apps read about a page: the <head> values
(title, description, canonical URL, OpenGraph and Twitter tags, feed links).

This module knows no page model. A page describes itself with a
`seo_meta(request, context)` method that returns a PageMeta, built from the
helpers here (blog/meta.py and home/models.py do); a view that is not a page
puts a PageMeta in its context as `page_meta` (search/views.py does). Anything
else, the 404 page included, gets default_meta().
"""

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode, urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.encoding import iri_to_uri
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Site

from clinic.models import ClinicSettings

SHARE_IMAGE_SPEC = "fill-1200x630"
SHARE_IMAGE_SIZE = (1200, 630)
DEFAULT_SHARE_IMAGE = "img/share-default.png"
DESCRIPTION_LENGTH = 120


@dataclass
class ShareImage:
    url: str
    alt: str = ""
    width: int = SHARE_IMAGE_SIZE[0]
    height: int = SHARE_IMAGE_SIZE[1]


@dataclass
class PageMeta:
    title: str
    description: str
    site_name: str
    canonical_url: str = ""
    og_type: str = "website"
    robots: str = ""
    image: ShareImage | None = None
    published_time: datetime | None = None
    modified_time: datetime | None = None
    feeds: list[tuple[str, str]] = field(default_factory=list)
    graph: list[dict] = field(default_factory=list)

    @property
    def json_ld(self):
        """The graph as one <script type="application/ld+json"> body, safe
        inside HTML: <, > and & are escaped the way json_script does."""
        if not self.graph:
            return ""
        text = json.dumps({"@context": "https://schema.org", "@graph": self.graph}, cls=DjangoJSONEncoder, ensure_ascii=False)
        return mark_safe(text.translate({ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}))


# --- the site, its URLs and its name ------------------------------------


def site_for(request):
    """The Wagtail site serving this request, the default site otherwise."""
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.select_related("root_page").filter(is_default_site=True).first()


def absolute_url(request, url):
    """`url` on the site's configured root URL (not the request's Host
    header, so canonical URLs never depend on how a crawler reached us)."""
    if not url or urlsplit(url).scheme:
        return url or ""  # a page being previewed before its first save has no URL yet
    site = site_for(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return root + iri_to_uri(url)


def page_url(url, number, query=""):
    """Page `number` of a paginated listing at `url` (page 1 is the listing
    itself), keeping an extra query string such as a search's ?q=."""
    params = "&".join(part for part in (query, urlencode({"page": number}) if number > 1 else "") if part)
    url = iri_to_uri(url)
    return f"{url}?{params}" if params else url


def clinic_settings(request):
    """The clinic's settings for this request's site (Wagtail caches them on the request)."""
    if request is not None:
        return ClinicSettings.for_request(request)
    return ClinicSettings.for_site(site_for(None))


def site_name(request):
    """The clinic's name, then the Wagtail site's name, then 手当て."""
    site = site_for(request)
    return clinic_settings(request).clinic_name or (site.site_name if site else "") or _("手当て")


def full_title(request, title):
    name = site_name(request)
    return name if not title or title == name else f"{title} | {name}"


def plain_text(value, length=DESCRIPTION_LENGTH):
    """Rich text or a multi-line field as one line of at most `length` characters."""
    text = re.sub(r"\s+", " ", strip_tags(str(value or ""))).strip()
    return Truncator(text).chars(length)


def site_description(request):
    """The home page's intro: the fallback for any page without its own description."""
    site = site_for(request)
    root = site.root_page.specific if site else None
    return plain_text(getattr(root, "search_description", "") or getattr(root, "intro", ""))


def share_image(request, image=None):
    """The 1200×630 picture a share card shows: the page's own image, the
    clinic's default share image, then the picture shipped in static/."""
    if image is not None:
        return rendition_share_image(request, image)
    # The clinic's settings object is cached on the request, and so is its picture.
    clinic = clinic_settings(request)
    if not hasattr(clinic, "share_image"):
        if clinic.default_share_image is not None:
            clinic.share_image = rendition_share_image(request, clinic.default_share_image)
        else:
            clinic.share_image = ShareImage(absolute_url(request, static(DEFAULT_SHARE_IMAGE)), alt=site_name(request))
    return clinic.share_image


def rendition_share_image(request, image):
    rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    return ShareImage(absolute_url(request, rendition.url), image.description or image.title, rendition.width, rendition.height)


def site_feeds(request, blog):
    """The site-wide feed link every page's head carries: the blog's, when there is a blog."""
    if not blog:  # None, or the context processor's lazy "no blog"
        return []
    return [(_("%(site)sの新着記事") % {"site": site_name(request)}, absolute_url(request, blog.feed_url))]


# --- pages without their own builder ----------------------------------------


def default_meta(request, context, title=None, robots=""):
    """Any page without its own seo_meta, or a view that is no page at all
    (search, the 404): no canonical URL unless there is a page to point at."""
    page = context.get("page")
    if title is None:
        title = (page.seo_title or page.title) if page else ""
    return PageMeta(
        title=full_title(request, title),
        description=plain_text(getattr(page, "search_description", "")) or site_description(request),
        site_name=site_name(request),
        canonical_url=absolute_url(request, page.url) if page else "",
        robots=robots,
        image=share_image(request),
        feeds=site_feeds(request, context.get("blog_index")),
    )


def meta_for(context):
    """The head values for whatever the template is rendering."""
    if context.get("page_meta") is not None:
        return context["page_meta"]
    request = context.get("request")
    build = getattr(context.get("page"), "seo_meta", None)
    if build is not None:
        return build(request, context)
    return default_meta(request, context)
