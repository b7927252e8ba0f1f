"""Where each page type may live in the tree, and the slugs an article may not take."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from blog.models import RESERVED_SLUGS, ArticlePage, BlogIndexPage
from contact.models import ContactFormPage
from home.models import HomePage
from pages.models import ContentPage
from tests.factories import make_article, make_site


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_lives_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(BlogIndexPage, HomePage)

    def test_second_home_page_cannot_be_created(self):
        make_site()

        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_blog_index_lives_only_under_home(self):
        self.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(HomePage, {BlogIndexPage, ContentPage, ContactFormPage})
        self.assertCanNotCreateAt(Page, BlogIndexPage)
        self.assertCanNotCreateAt(BlogIndexPage, BlogIndexPage)

    def test_contact_form_lives_only_under_home_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ContactFormPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactFormPage, set())

    def test_article_lives_only_under_blog_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ArticlePage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(BlogIndexPage, {ArticlePage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(Page, ArticlePage)


@pytest.mark.django_db
@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_article_may_not_take_a_slug_the_blog_routes_itself(blog, slug):
    article = make_article(blog)
    article.slug = slug

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert f"「{slug}」はブログのURLで使われているため使えません。" in error.value.message_dict["slug"]


@pytest.mark.django_db
def test_article_may_take_an_ordinary_japanese_slug(client, blog):
    article = make_article(blog)
    article.slug = "膝の痛み"

    article.full_clean()  # raises if the slug were refused
    article.save_revision().publish()

    assert ArticlePage.objects.get(pk=article.pk).slug == "膝の痛み"
    assert client.get("/blog/膝の痛み/").status_code == 200
