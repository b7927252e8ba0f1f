"""An editor links a reviewer's Author to the reviewer's own login in the
author admin (著者 › 監修 › ログインユーザー): one login per author."""

import pytest
from django.urls import reverse

from blog.snippets import Author
from tests.factories import AuthorFactory
from tests.html import reader_html
from tests.blog.test_admin import author_form

pytestmark = pytest.mark.django_db


def test_an_editor_picks_the_reviewers_login_in_the_author_form(admin_client, doctor_user):
    author = AuthorFactory(slug="sato")
    url = reverse("wagtailsnippets_blog_author:edit", args=[author.pk])
    assert "ログインユーザー" in reader_html(admin_client.get(url))

    response = admin_client.post(url, author_form(user=doctor_user.pk))

    assert response.status_code == 302
    assert Author.objects.get(pk=author.pk).user == doctor_user


def test_one_login_belongs_to_one_author_only(admin_client, doctor):
    other = AuthorFactory(slug="sato")

    response = admin_client.post(
        reverse("wagtailsnippets_blog_author:edit", args=[other.pk]), author_form(user=doctor.user_id)
    )

    assert response.status_code == 200  # the form again, with its error, not a 500
    assert Author.objects.get(pk=other.pk).user is None
