"""The <head> of every page: title, description, canonical URL, share
cards, feed links and the JSON-LD graph (blog/seo.py)."""

import json
import re
from html import unescape

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone
from django.utils.timezone import localtime
from wagtail.images.tests.utils import get_test_image_file

from blog.models import ArticlePage
from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, approve_review, block, make_article, sample_body
from tests.query_budget import MAX_QUERIES
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def head_of(response):
    assert response.status_code == 200
    return reader_html(response).split("</head>")[0]


def meta(head, key):
    """The content of <meta name|property="key">, or None."""
    found = re.search(rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)">', head)
    return unescape(found.group(1)) if found else None


def link(head, rel, type_=None):
    pattern = rf'<link rel="{rel}"' + (rf' type="{re.escape(type_)}" title="[^"]*"' if type_ else "") + r' href="([^"]*)">'
    return re.findall(pattern, head)


def title(head):
    return unescape(re.search(r"<title>(.*?)</title>", head, re.S).group(1).strip())


def graph(head):
    """Every node of every ld+json script, each script parsed with json.loads."""
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    assert len(scripts) == 1, "one JSON-LD graph per page"
    return json.loads(scripts[0])["@graph"]


def node(nodes, type_):
    matches = [n for n in nodes if n["@type"] == type_]
    assert len(matches) == 1, (type_, [n["@type"] for n in nodes])
    return matches[0]


@pytest.fixture
def article(blog, clinic):
    author = AuthorFactory(
        name="山田 遥", slug="yamada", job_title="理学療法士", clinic="てあて整体院", x_url="https://x.com/yamada",
        instagram_url="https://instagram.com/yamada",
    )
    knee = CategoryFactory(name="膝の痛み", slug="knee")
    hero = ImageFactory(description="膝をさする女性", file=get_test_image_file(size=(1600, 1000)))
    return make_article(
        blog, title="膝の内側が痛くて歩けない原因", slug="hiza", lead="歩き始めに膝の内側が痛むときの原因とケア。",
        authors=[author], categories=[knee], hero_image=hero,
    )


# --- title, description, canonical, share cards ------------------------------


def test_article_head_has_title_lead_canonical_and_share_card(client, article):
    head = head_of(client.get(article.url))

    assert title(head) == "膝の内側が痛くて歩けない原因 | てあて整体院"
    assert meta(head, "description") == "歩き始めに膝の内側が痛むときの原因とケア。"
    assert link(head, "canonical") == ["http://localhost/blog/hiza/"]
    assert meta(head, "og:type") == "article"
    assert meta(head, "og:url") == "http://localhost/blog/hiza/"
    assert meta(head, "og:title") == "膝の内側が痛くて歩けない原因 | てあて整体院"
    assert meta(head, "og:site_name") == "てあて整体院"
    assert meta(head, "og:locale") == "ja_JP"
    assert re.fullmatch(r"http://localhost/media/images/.*\.fill-1200x630\.png", meta(head, "og:image"))
    assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("1200", "630")
    assert meta(head, "og:image:alt") == "膝をさする女性"
    assert meta(head, "article:published_time") == localtime(article.first_published_at).isoformat()
    assert meta(head, "article:modified_time") == localtime(article.last_published_at).isoformat()
    assert meta(head, "twitter:card") == "summary_large_image"
    assert meta(head, "twitter:image") == meta(head, "og:image")


def test_search_description_overrides_the_lead(client, article):
    article.search_description = "検索結果に出す説明文。"
    article.save_revision().publish()

    head = head_of(client.get(article.url))

    assert meta(head, "description") == "検索結果に出す説明文。"
    assert meta(head, "og:description") == "検索結果に出す説明文。"


def test_tracking_query_string_is_not_in_canonical(client, article):
    head = head_of(client.get(article.url + "?utm_source=line&fbclid=abc"))

    assert link(head, "canonical") == ["http://localhost/blog/hiza/"]
    assert meta(head, "og:url") == "http://localhost/blog/hiza/"


def test_article_without_image_shares_the_site_default(client, blog, clinic):
    article = make_article(blog)

    head = head_of(client.get(article.url))

    assert meta(head, "og:image") == "http://localhost/static/img/share-default.png"
    assert finders.find("img/share-default.png")


def test_article_without_main_image_shares_its_first_body_image(client, blog, clinic):
    figure = ImageFactory(title="膝の図", file=get_test_image_file(size=(1600, 1000)))
    article = make_article(blog, hero_image=None, body=sample_body(figure))

    head = head_of(client.get(article.url))

    assert re.fullmatch(r"http://localhost/media/images/.*\.fill-1200x630\.png", meta(head, "og:image"))
    assert meta(head, "og:image:alt") == figure.description


def test_clinic_default_share_image_replaces_the_static_one(client, blog, clinic):
    clinic.default_share_image = ImageFactory(file=get_test_image_file(size=(1600, 1000)))
    clinic.save()
    article = make_article(blog)

    head = head_of(client.get(article.url))

    assert re.fullmatch(r"http://localhost/media/images/.*\.fill-1200x630\.png", meta(head, "og:image"))


def test_listing_titles_are_distinct(client, article):
    titles = {url: title(head_of(client.get(url))) for url in
              ["/", "/blog/", "/blog/category/knee/", "/blog/author/yamada/", "/blog/tag/膝/"]
              if client.get(url).status_code == 200}

    assert titles["/blog/"] == "ブログ | てあて整体院"
    assert titles["/blog/category/knee/"] == "膝の痛みの記事 | てあて整体院"
    assert titles["/blog/author/yamada/"] == "山田 遥（理学療法士） | てあて整体院"
    assert len(set(titles.values())) == len(titles)


def test_tag_listing_has_its_own_title_and_description(client, blog, clinic):
    make_article(blog, tags=["ストレッチ"])

    head = head_of(client.get("/blog/tag/ストレッチ/"))

    assert title(head) == "「ストレッチ」の記事 | てあて整体院"
    assert meta(head, "description") == "「ストレッチ」に関する記事の一覧です。"


@pytest.mark.parametrize(
    ("query", "canonical", "page_title"),
    [
        ("", "http://localhost/blog/category/knee/", "膝の痛みの記事 | てあて整体院"),
        ("?page=1", "http://localhost/blog/category/knee/", "膝の痛みの記事 | てあて整体院"),
        ("?utm_source=x&page=1", "http://localhost/blog/category/knee/", "膝の痛みの記事 | てあて整体院"),
        ("?page=2&utm_medium=line", "http://localhost/blog/category/knee/?page=2", "膝の痛みの記事（2ページ目） | てあて整体院"),
    ],
)
def test_paginated_listing_canonical_keeps_only_page_above_one(client, blog, clinic, settings, query, canonical, page_title):
    settings.BLOG_PAGE_SIZE = 1
    knee = CategoryFactory(name="膝の痛み", slug="knee", description="膝の痛みのセルフケア。")
    make_article(blog, categories=[knee])
    make_article(blog, categories=[knee])

    head = head_of(client.get("/blog/category/knee/" + query))

    assert link(head, "canonical") == [canonical]
    assert meta(head, "og:url") == canonical
    assert title(head) == page_title
    assert meta(head, "description") == "膝の痛みのセルフケア。"


def test_home_description_falls_back_to_the_site_intro(client, home, clinic):
    home.intro = "<p>膝・腰・肩の<b>痛み</b>に、自分でできるケアを。</p>"
    home.save_revision().publish()

    head = head_of(client.get("/"))

    assert meta(head, "description") == "膝・腰・肩の痛みに、自分でできるケアを。"
    assert link(head, "canonical") == ["http://localhost/"]
    assert meta(head, "og:type") == "website"


def test_every_page_links_the_site_feed_and_category_pages_their_own(client, article):
    site_feed = "http://localhost/blog/feed/"
    for url in ["/", "/blog/", article.url, "/blog/author/yamada/"]:
        assert link(head_of(client.get(url)), "alternate", "application/rss+xml") == [site_feed], url

    feeds = link(head_of(client.get("/blog/category/knee/")), "alternate", "application/rss+xml")
    assert feeds == [site_feed, "http://localhost/blog/category/knee/feed/"]


def test_404_page_has_a_title_and_no_canonical(client, blog, clinic):
    response = client.get("/no-such-page/")
    head = reader_html(response).split("</head>")[0]

    assert response.status_code == 404
    assert title(head) == "ページが見つかりません | てあて整体院"
    assert link(head, "canonical") == []


# --- JSON-LD ---------------------------------------------------------------------


def test_article_json_ld_is_a_blog_posting_by_a_person_published_by_the_clinic(client, article):
    nodes = graph(head_of(client.get(article.url)))

    posting = node(nodes, "BlogPosting")
    assert posting["headline"] == "膝の内側が痛くて歩けない原因"
    assert posting["description"] == "歩き始めに膝の内側が痛むときの原因とケア。"
    assert posting["url"] == "http://localhost/blog/hiza/"
    assert posting["mainEntityOfPage"] == {"@id": "http://localhost/blog/hiza/"}
    assert posting["image"]["url"].endswith(".fill-1200x630.png")
    assert posting["datePublished"].endswith("+09:00") and posting["dateModified"]
    assert posting["articleSection"] == ["膝の痛み"]
    [author] = posting["author"]
    assert author == {
        "@type": "Person",
        "name": "山田 遥",
        "jobTitle": "理学療法士",
        "worksFor": {"@id": "http://localhost/#clinic"},
        "sameAs": ["https://x.com/yamada", "https://instagram.com/yamada"],
        "url": "http://localhost/blog/author/yamada/",
    }
    assert posting["publisher"] == {"@id": "http://localhost/#clinic"}
    assert node(nodes, "MedicalBusiness")["@id"] == "http://localhost/#clinic"
    web_page = node(nodes, "WebPage")
    assert web_page["@id"] == "http://localhost/blog/hiza/"
    assert web_page["breadcrumb"] == {"@id": node(nodes, "BreadcrumbList")["@id"]}


def test_article_json_ld_has_one_video_object_per_video_block(client, blog, clinic):
    body = sample_body() + [
        block("video", {"video": {"video_id": "M7lc1UVf-VE", "start": 30}, "title": "膝のストレッチ", "caption": "", "thumbnail": None}),
        block("video", {"video": {"video_id": "dQw4w9WgXcQ", "start": 0}, "title": "腰のストレッチ", "caption": "", "thumbnail": None}),
    ]
    article = make_article(blog, body=body)

    posting = node(graph(head_of(client.get(article.url))), "BlogPosting")

    assert [video["@type"] for video in posting["video"]] == ["VideoObject", "VideoObject"]
    assert [video["name"] for video in posting["video"]] == ["膝のストレッチ", "腰のストレッチ"]
    assert all(video["uploadDate"] and video["thumbnailUrl"] and video["embedUrl"] for video in posting["video"])


def test_article_json_ld_names_the_medical_reviewer_once_they_approved(client, blog, clinic):
    reviewer = AuthorFactory(name="佐藤 医師", slug="sato", job_title="整形外科医", clinic="")
    article = approve_review(make_article(blog, reviewer=reviewer))

    web_page = node(graph(head_of(client.get(article.url))), "WebPage")

    assert web_page["reviewedBy"]["@type"] == "Person"
    assert web_page["reviewedBy"]["name"] == "佐藤 医師"
    assert web_page["reviewedBy"]["jobTitle"] == "整形外科医"
    assert web_page["reviewedBy"]["url"] == "http://localhost/blog/author/sato/"
    assert web_page["lastReviewed"] == timezone.localdate().isoformat()


def test_author_from_another_clinic_works_for_that_clinic(client, blog, clinic):
    article = make_article(blog, authors=[AuthorFactory(clinic="ほかの接骨院")])

    posting = node(graph(head_of(client.get(article.url))), "BlogPosting")

    assert posting["author"][0]["worksFor"] == {"@type": "MedicalBusiness", "name": "ほかの接骨院"}


def test_article_breadcrumb_list_matches_the_visible_breadcrumbs(client, article):
    nodes = graph(head_of(client.get(article.url)))

    crumbs = node(nodes, "BreadcrumbList")["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "ホーム", "http://localhost/"),
        (2, "ブログ", "http://localhost/blog/"),
        (3, "膝の痛み", "http://localhost/blog/category/knee/"),
        (4, "膝の内側が痛くて歩けない原因", "http://localhost/blog/hiza/"),
    ]


def test_clinic_is_a_medical_business_with_address_phone_and_hours(client, home, clinic):
    nodes = graph(head_of(client.get("/")))

    business = node(nodes, "MedicalBusiness")
    assert business["name"] == "てあて整体院"
    assert business["url"] == "http://localhost/"
    assert business["telephone"] == "0466-00-0000"
    assert business["address"] == {
        "@type": "PostalAddress", "postalCode": "251-0052", "streetAddress": "神奈川県藤沢市藤沢1-2-3", "addressCountry": "JP",
    }
    assert [(h["dayOfWeek"], h["opens"], h["closes"]) for h in business["openingHoursSpecification"]] == [
        (["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "09:00", "20:00"),
        (["Saturday"], "09:00", "17:00"),
    ]
    website = node(nodes, "WebSite")
    assert website["url"] == "http://localhost/" and website["name"] == "てあて整体院"
    assert website["publisher"] == {"@id": business["@id"]}


def test_category_json_ld_is_a_collection_page_with_breadcrumbs(client, article):
    nodes = graph(head_of(client.get("/blog/category/knee/")))

    page = node(nodes, "CollectionPage")
    assert page["url"] == "http://localhost/blog/category/knee/"
    assert page["name"] == "膝の痛みの記事"
    assert [item["url"] for item in page["mainEntity"]["itemListElement"]] == ["http://localhost/blog/hiza/"]
    crumbs = node(nodes, "BreadcrumbList")
    assert page["breadcrumb"] == {"@id": crumbs["@id"]}
    assert [c["name"] for c in crumbs["itemListElement"]] == ["ホーム", "ブログ", "膝の痛み"]


def test_author_json_ld_is_a_profile_page_about_the_person(client, article):
    page = node(graph(head_of(client.get("/blog/author/yamada/"))), "ProfilePage")

    assert page["mainEntity"]["name"] == "山田 遥"
    assert page["mainEntity"]["sameAs"] == ["https://x.com/yamada", "https://instagram.com/yamada"]


def test_json_ld_cannot_break_out_of_its_script_tag(client, blog, clinic):
    article = make_article(blog, title="</script><script>alert(1)</script>")

    head = head_of(client.get(article.url))

    assert "<script>alert(1)" not in head
    assert node(graph(head), "BlogPosting")["headline"] == "</script><script>alert(1)</script>"


# --- queries --------------------------------------------------------------------


def test_article_head_adds_no_queries_per_author_or_category(client, blog, clinic, settings, django_assert_max_num_queries):
    settings.SERVING_PAGE_CACHE = False  # count a rendering, not a cached copy
    authors = [AuthorFactory(x_url=f"https://x.com/{n}") for n in range(4)]
    categories = [CategoryFactory() for _ in range(4)]
    hero = ImageFactory(file=get_test_image_file(size=(1600, 1000)))
    article = make_article(blog, authors=authors, categories=categories, tags=["膝", "腰", "肩"], hero_image=hero)
    client.get(article.url)  # renditions are created on the first view

    with django_assert_max_num_queries(MAX_QUERIES["article"]):
        head = head_of(client.get(article.url))
    assert len(node(graph(head), "BlogPosting")["author"]) == 4


def test_listing_head_adds_no_queries_per_article(client, blog, clinic, settings, django_assert_max_num_queries):
    settings.SERVING_PAGE_CACHE = False  # count a rendering, not a cached copy
    for _ in range(12):
        make_article(blog, hero_image=ImageFactory())
    client.get("/blog/")

    with django_assert_max_num_queries(MAX_QUERIES["blog index"]):
        head = head_of(client.get("/blog/"))
    assert len(node(graph(head), "CollectionPage")["mainEntity"]["itemListElement"]) == 12
