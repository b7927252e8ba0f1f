"""The people of a 監修: a writer (an editor who may not publish), the
doctor who reviews (a login of their own, linked from their Author), a
superuser (the clinic's owner) and another editor."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from tests.factories import AuthorFactory, make_article


def make_user(username, *, groups=(), superuser=False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.com", "pw")
    user = User.objects.create_user(username, f"{username}@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(*[Group.objects.get(name=name) for name in groups])
    return user


@pytest.fixture
def writer(db):
    return make_user("writer", groups=["Editors"])


@pytest.fixture
def doctor_user(db):
    return make_user("doctor")


@pytest.fixture
def owner(db):
    return make_user("owner", superuser=True)


@pytest.fixture
def other_editor(db):
    return make_user("other", groups=["Editors", "Moderators"])


@pytest.fixture
def doctor(doctor_user):
    return AuthorFactory(name="高橋 誠", slug="takahashi", job_title="整形外科医", clinic="", user=doctor_user)


@pytest.fixture
def article(blog, doctor, writer):
    """An article naming the doctor as its 監修, saved as a draft by the writer."""
    writing = AuthorFactory(name="山田 花子", slug="yamada")
    return make_article(blog, title="膝の内側が痛むとき", slug="knee", authors=[writing], reviewer=doctor, publish=False)
