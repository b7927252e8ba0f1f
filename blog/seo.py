"""What search engines and social apps read about a page: the <head> values
(title, description, canonical URL, OpenGraph and Twitter tags, feed links)
and the JSON-LD graph.

Every value is decided here, each with its fallbacks spelled out, so the
templates only print them. Pages opt in with a `seo_meta(request, context)`
method that calls one of the `*_meta` builders below.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.encoding import iri_to_uri
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.opening_hours import opening_hours_specification

SHARE_IMAGE_SPEC = "fill-1200x630"
SHARE_IMAGE_SIZE = (1200, 630)
DEFAULT_SHARE_IMAGE = "img/share-default.png"
DESCRIPTION_LENGTH = 120
HEADLINE_LENGTH = 110  # Google truncates BlogPosting headlines beyond this


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


def clinic_settings(request):
    from home.models import ClinicSettings

    site = site_for(request)
    return ClinicSettings.for_request(request) if request is not None else ClinicSettings.for_site(site)


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


def site_feed(request, blog):
    if blog is None:
        return []
    return [(_("%(site)sの新着記事") % {"site": site_name(request)}, absolute_url(request, blog.url + blog.reverse_subpage("feed")))]


def find_blog(request, context):
    from .models import BlogIndexPage

    blog = context.get("blog_index")
    if blog is None:
        site = site_for(request)
        blog = BlogIndexPage.objects.live().descendant_of(site.root_page).first() if site else None
    return blog


# --- head values per kind of page ----------------------------------------


def article_meta(request, article):
    url = absolute_url(request, article.url)
    description = plain_text(article.search_description or article.lead)
    image = share_image(request, article.hero_image or article.first_body_image)
    return PageMeta(
        title=full_title(request, article.seo_title or article.title),
        description=description,
        site_name=site_name(request),
        canonical_url=url,
        og_type="article",
        image=image,
        published_time=article.first_published_at,
        modified_time=article.last_published_at,
        feeds=site_feed(request, article.blog_index),
        graph=[
            article_web_page_node(request, article, url),
            blog_posting_node(request, article, url, description, image),
            breadcrumb_node(request, article.breadcrumbs()),
            website_node(request),
            clinic_node(request),
        ],
    )


def listing_meta(request, blog, context):
    """The blog index and its category, tag and author listings, page N of each."""
    category, tag, author = context.get("category"), context.get("tag"), context.get("author")
    articles = context["articles"]
    crumbs = context["crumbs"]
    listing_url = absolute_url(request, crumbs[-1][1])  # the last crumb is the listing itself
    feeds = site_feed(request, blog)
    if category:
        name = _("%(name)sの記事") % {"name": category.name}
        description = plain_text(category.description) or _("%(name)sに関する記事の一覧です。") % {"name": category.name}
        feed_url = blog.url + blog.reverse_subpage("category_feed", args=[category.slug])
        feeds.append((_("%(name)sの新着記事") % {"name": category.name}, absolute_url(request, feed_url)))
    elif tag:
        name = _("「%(name)s」の記事") % {"name": tag.name}
        description = _("「%(name)s」に関する記事の一覧です。") % {"name": tag.name}
    elif author:
        name = f"{author.name}（{author.job_title}）" if author.job_title else author.name
        description = plain_text(author.bio) or _("%(name)sが書いた記事の一覧です。") % {"name": author.name}
    else:
        name = blog.seo_title or blog.title
        description = plain_text(blog.search_description or blog.intro) or site_description(request)

    canonical = listing_url
    if articles.number > 1:
        name = _("%(name)s（%(n)sページ目）") % {"name": name, "n": articles.number}
        canonical = f"{listing_url}?page={articles.number}"

    item_list = {
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "url": absolute_url(request, article.url)}
            for position, article in enumerate(articles, start=articles.start_index())
        ],
    }
    main = {
        "@type": "ProfilePage" if author else "CollectionPage",
        "@id": canonical,
        "url": canonical,
        "name": name,
        "description": description,
        "inLanguage": "ja",
        "isPartOf": {"@id": website_id(request)},
        "breadcrumb": {"@id": breadcrumb_id(request, crumbs)},
    }
    if author:  # an author's page is about them; their articles are its parts
        main.update({"mainEntity": person_node(request, author, blog), "hasPart": item_list})
    else:
        main["mainEntity"] = item_list
    return PageMeta(
        title=full_title(request, name),
        description=description,
        site_name=site_name(request),
        canonical_url=canonical,
        image=share_image(request),
        feeds=feeds,
        graph=[main, breadcrumb_node(request, crumbs), website_node(request), clinic_node(request)],
    )


def home_meta(request, home, context):
    return PageMeta(
        title=full_title(request, home.seo_title or home.title),
        description=site_description(request),
        site_name=site_name(request),
        canonical_url=absolute_url(request, home.url),
        image=share_image(request),
        feeds=site_feed(request, context.get("blog_index")),
        graph=[website_node(request), clinic_node(request)],
    )


def default_meta(request, context):
    """Any other page, or none at all (the 404 page): no canonical URL, since
    there is nothing to point search engines at."""
    page = context.get("page")
    title = (page.seo_title or page.title) if page else ""
    return PageMeta(
        title=full_title(request, title),
        description=plain_text(getattr(page, "search_description", "")) or site_description(request),
        site_name=site_name(request),
        canonical_url=absolute_url(request, page.url) if page else "",
        image=share_image(request),
        feeds=site_feed(request, find_blog(request, context)),
    )


def meta_for(context):
    """The head values for whatever the template is rendering."""
    request = context.get("request")
    page = context.get("page")
    build = getattr(page, "seo_meta", None)
    if build is not None:
        return build(request, context)
    return default_meta(request, context)


# --- JSON-LD nodes ----------------------------------------------------------
# One graph per page; nodes point at each other by "@id" so the clinic and
# the site are described once.


def local_iso(moment):
    """Japan time, as the article shows it (2026-11-24T09:00:00+09:00); a
    plain date stays a date."""
    if isinstance(moment, datetime):
        return timezone.localtime(moment).isoformat()
    return moment.isoformat() if moment else None


def clinic_id(request):
    return absolute_url(request, "/") + "#clinic"


def website_id(request):
    return absolute_url(request, "/") + "#website"


def breadcrumb_id(request, crumbs):
    return absolute_url(request, crumbs[-1][1]) + "#breadcrumbs"


def website_node(request):
    return {
        "@type": "WebSite",
        "@id": website_id(request),
        "url": absolute_url(request, "/"),
        "name": site_name(request),
        "inLanguage": "ja",
        "publisher": {"@id": clinic_id(request)},
    }


def clinic_node(request):
    """The clinic as a schema.org MedicalBusiness (a LocalBusiness)."""
    clinic = clinic_settings(request)
    node = {
        "@type": "MedicalBusiness",
        "@id": clinic_id(request),
        "name": site_name(request),
        "url": absolute_url(request, "/"),
        "image": share_image(request).url,
    }
    if clinic.address or clinic.postal_code:
        node["address"] = {
            "@type": "PostalAddress",
            "postalCode": clinic.postal_code,
            "streetAddress": clinic.address,
            "addressCountry": "JP",
        }
    if clinic.phone:
        node["telephone"] = clinic.phone
    hours = opening_hours_specification(clinic.opening_hours_lines)
    if hours:
        node["openingHoursSpecification"] = hours
    return node


def breadcrumb_node(request, crumbs):
    """The visible breadcrumbs, (label, url) pairs, as a BreadcrumbList."""
    return {
        "@type": "BreadcrumbList",
        "@id": breadcrumb_id(request, crumbs),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": str(label), "item": absolute_url(request, url)}
            for position, (label, url) in enumerate(crumbs, start=1)
        ],
    }


def person_node(request, author, blog):
    """An author as a Person; worksFor is their own clinic when it is not
    the site's clinic, the site's clinic otherwise."""
    node = {"@type": "Person", "name": author.name}
    if author.job_title:
        node["jobTitle"] = author.job_title
    if author.clinic and author.clinic != site_name(request):
        node["worksFor"] = {"@type": "MedicalBusiness", "name": author.clinic}
    else:
        node["worksFor"] = {"@id": clinic_id(request)}
    links = [url for _label, url in author.links]
    if links:
        node["sameAs"] = links
    if blog is not None:
        node["url"] = absolute_url(request, blog.subpage_url("author", author.slug))
    return node


def article_web_page_node(request, article, url):
    """The page that carries the article: where breadcrumbs and the medical
    reviewer (監修) belong in schema.org."""
    node = {
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": article.title,
        "inLanguage": "ja",
        "isPartOf": {"@id": website_id(request)},
        "breadcrumb": {"@id": breadcrumb_id(request, article.breadcrumbs())},
    }
    reviewer = article_reviewer(article)
    if reviewer is not None:
        node["reviewedBy"] = person_node(request, reviewer, article.blog_index)
    return node


def article_reviewer(article):
    """The optional 監修 reviewer (an Author): ArticlePage.reviewed_by, added
    by the seo-article work (cached there, so the visible reviewer box and
    this node share one query). None before that lands."""
    return getattr(article, "reviewed_by", None)


def blog_posting_node(request, article, url, description, image):
    node = {
        "@type": "BlogPosting",
        "@id": url + "#article",
        "mainEntityOfPage": {"@id": url},
        "url": url,
        "headline": Truncator(article.title).chars(HEADLINE_LENGTH),
        "description": description,
        "image": {"@type": "ImageObject", "url": image.url, "width": image.width, "height": image.height},
        "datePublished": local_iso(article.published_date),
        # The date readers see as 最終更新日; structured data must match the page.
        "dateModified": local_iso(article.updated_date or article.published_date),
        "inLanguage": "ja",
        "author": [person_node(request, author, article.blog_index) for author in article.authors],
        "publisher": {"@id": clinic_id(request)},
    }
    if article.categories:
        node["articleSection"] = [category.name for category in article.categories]
    videos = video_nodes(request, article)
    if videos:
        node["video"] = videos
    return node


def video_nodes(request, article):
    """One VideoObject per video block of the article.

    The video block (blog/blocks.py) builds its own VideoObject through
    blog.video.video_object; the video counts as uploaded when the article
    was published."""
    return [
        block.value.structured_data(article.published_date, lambda url: absolute_url(request, url))
        for block in article.body
        if block.block_type == "video"
    ]
