"""The blog's head values and JSON-LD: an article, and the index with its
category, tag and author listings. Built from seo/'s page-agnostic parts;
the pages in blog/models.py call these from their seo_meta()."""

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from seo.jsonld import (
    breadcrumb_id,
    breadcrumb_node,
    clinic_id,
    faq_page,
    local_iso,
    person_node,
    site_nodes,
    website_id,
)
from seo.meta import (
    PageMeta,
    absolute_url,
    full_title,
    page_url,
    plain_text,
    share_image,
    site_description,
    site_feeds,
    site_name,
)

from .layout_blocks import faq_pairs

HEADLINE_LENGTH = 110  # Google truncates BlogPosting headlines beyond this


def author_node(request, author, blog):
    return person_node(request, author, blog.subpage_url("author", author.slug) if blog else None)


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
        feeds=site_feeds(request, article.blog_index),
        graph=[
            article_web_page_node(request, article, url),
            blog_posting_node(request, article, url, description, image),
            breadcrumb_node(request, article.breadcrumbs()),
            *site_nodes(request),
        ],
    )


def listing_meta(request, blog, context):
    """The blog index and its category, tag and author listings, page N of each."""
    category, tag, author = context.get("category"), context.get("tag"), context.get("author")
    articles = context["articles"]
    crumbs = context["crumbs"]
    listing_url = absolute_url(request, crumbs[-1][1])  # the last crumb is the listing itself
    feeds = site_feeds(request, blog)
    if category:
        name = _("%(name)sの記事") % {"name": category.name}
        description = plain_text(category.description) or _("%(name)sに関する記事の一覧です。") % {"name": category.name}
        feed_url = blog.url + blog.reverse_subpage("category_feed", args=[category.slug])
        feeds.append((_("%(name)sの新着記事") % {"name": category.name}, absolute_url(request, feed_url)))
    elif tag:
        name = _("「%(name)s」の記事") % {"name": tag.name}
        description = _("「%(name)s」に関する記事の一覧です。") % {"name": tag.name}
    elif author:
        name = author.name_with_title
        description = plain_text(author.bio) or _("%(name)sが書いた記事の一覧です。") % {"name": author.name}
    else:
        name = blog.seo_title or blog.title
        description = plain_text(blog.search_description or blog.intro) or site_description(request)

    canonical = page_url(listing_url, articles.number)
    if articles.number > 1:
        name = _("%(name)s（%(n)sページ目）") % {"name": name, "n": articles.number}

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
        main.update({"mainEntity": author_node(request, author, blog), "hasPart": item_list})
    else:
        main["mainEntity"] = item_list
    return PageMeta(
        title=full_title(request, name),
        description=description,
        site_name=site_name(request),
        canonical_url=canonical,
        image=share_image(request),
        feeds=feeds,
        graph=[main, breadcrumb_node(request, crumbs), *site_nodes(request)],
    )


def index_meta(request, blog, context):
    """/blog/category/ and /blog/author/ (blog/indexes.py)."""
    crumbs = context["crumbs"]
    url = absolute_url(request, crumbs[-1][1])
    name = context["index_title"]
    description = _("%(blog)sの%(index)sです。") % {"blog": blog.title, "index": name}
    main = {
        "@type": "CollectionPage",
        "@id": url,
        "url": url,
        "name": str(name),
        "description": description,
        "inLanguage": "ja",
        "isPartOf": {"@id": website_id(request)},
        "breadcrumb": {"@id": breadcrumb_id(request, crumbs)},
    }
    return PageMeta(
        title=full_title(request, name),
        description=description,
        site_name=site_name(request),
        canonical_url=url,
        image=share_image(request),
        feeds=site_feeds(request, blog),
        graph=[main, breadcrumb_node(request, crumbs), *site_nodes(request)],
    )


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
    credit = article.review_credit  # only while the reviewer approved the live text
    if credit is not None:
        node["reviewedBy"] = author_node(request, credit.reviewer, article.blog_index)
        node["lastReviewed"] = local_iso(credit.reviewed_on)
    questions = faq_pairs(article.body)
    if questions:  # an article with よくある質問 blocks is a FAQPage (theme-blocks)
        node.update(faq_page(questions))
    return node


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
        "author": [author_node(request, author, article.blog_index) for author in article.authors],
        "publisher": {"@id": clinic_id(request)},
    }
    if article.categories:
        node["articleSection"] = [category.name for category in article.categories]
    videos = video_nodes(request, article)
    if videos:
        node["video"] = videos
    return node


def video_nodes(request, article):
    """One VideoObject per video block of the article (the block builds it
    through blog.video.video_object); the video counts as uploaded when the
    article was published."""
    return [
        block.value.structured_data(article.published_date, lambda url: absolute_url(request, url))
        for block in article.body
        if block.block_type == "video"
    ]
