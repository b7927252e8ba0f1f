"""「新しい記事を書く」 is one click from the dashboard and from the blog's listing."""

import pytest
from django.urls import reverse

from tests.factories import make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def new_article_url(blog):
    return reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog.pk])


def test_dashboard_offers_to_write_a_new_article(admin_client, blog):
    html = reader_html(admin_client.get(reverse("wagtailadmin_home")))

    assert "新しい記事を書く" in html
    assert f'href="{new_article_url(blog)}"' in html


def test_the_dashboard_button_opens_the_article_editor(admin_client, blog):
    response = admin_client.get(new_article_url(blog))

    assert response.status_code == 200
    assert "記事" in reader_html(response)


def test_dashboard_without_a_blog_has_no_new_article_button(admin_client, blog):
    blog.delete()

    html = reader_html(admin_client.get(reverse("wagtailadmin_home")))

    assert "新しい記事を書く" not in html


def test_editor_who_may_not_add_pages_gets_no_button(client, django_user_model, blog):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    html = reader_html(client.get(reverse("wagtailadmin_home")))

    assert "新しい記事を書く" not in html


def test_blog_listing_has_a_labelled_new_article_button(admin_client, blog):
    make_article(blog, title="膝の体操")

    html = reader_html(admin_client.get(reverse("wagtailadmin_explore", args=[blog.pk])))

    assert "新しい記事を書く" in html and f'href="{new_article_url(blog)}"' in html


def test_home_listing_offers_the_button_on_the_blog_row(admin_client, home, blog):
    html = reader_html(admin_client.get(reverse("wagtailadmin_explore", args=[home.pk])))

    assert html.count(f'href="{new_article_url(blog)}"') >= 1


def test_article_listing_rows_have_no_new_article_button(admin_client, blog):
    article = make_article(blog, title="膝の体操")

    html = reader_html(admin_client.get(reverse("wagtailadmin_explore", args=[article.pk])))

    assert "新しい記事を書く" not in html
