"""When content changes, purge what shows it: the tags declarations.py
gives the change (a page's type, or OTHER_CHANGES), sent by purge.py.
Publishing and unpublishing come from Wagtail's signals, so the admin,
`publish_scheduled` (scheduled publishing and expiry) and code all purge
alike."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from blog.snippets import Author, Category
from clinic.models import ClinicSettings

from . import declarations
from .purge import page_change_tags, purge


@receiver(page_published)
@receiver(page_unpublished)
def purge_published_page(sender, instance, **kwargs):
    purge(page_change_tags(instance))


@receiver(post_page_move)
def purge_moved_page(sender, instance, **kwargs):
    purge(declarations.PAGE_MOVED)


@receiver(pre_delete)
def purge_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        purge(page_change_tags(instance))


@receiver(post_save, sender=ClinicSettings)
def purge_clinic_settings(sender, instance, created, **kwargs):
    """The clinic shows in every footer. Its row is created, with the
    defaults, by the first page that reads it: nothing changed then."""
    if not created:
        purge(declarations.for_change(instance))


@receiver(post_save, sender=Author)
@receiver(post_save, sender=Category)
@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Author)
@receiver(post_delete, sender=Category)
@receiver(post_delete, sender=Tag)
def purge_shared_content(sender, instance, **kwargs):
    """Names of authors, categories and tags appear on article cards across
    the site: edits to them are rare, so they purge every page."""
    purge(declarations.for_change(instance))


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def purge_site_structure(sender, instance, **kwargs):
    """A Site's name, host or root page shows in every page and decides
    which page answers a URL (sites.py caches it); making a page private
    or public again changes what every listing may show, and is no publish."""
    purge(declarations.for_change(instance))


# What Wagtail saves on its own while rendering an image (its size and hash,
# recorded once): no reader sees a change.
IMAGE_BOOKKEEPING = {"file_size", "file_hash"}


@receiver(post_save, sender=get_image_model())
@receiver(post_delete, sender=get_image_model())
def purge_changed_image(sender, instance, created=False, update_fields=None, **kwargs):
    """An image edited (a new file or focal point makes new renditions, under
    new URLs) or deleted (its pages lose it with no publish) is shown by
    article pages, cards, author boxes and listings alike: rare, so every
    page goes. A new image shows nowhere yet."""
    if created or (update_fields is not None and set(update_fields) <= IMAGE_BOOKKEEPING):
        return
    purge(declarations.for_change(instance))
