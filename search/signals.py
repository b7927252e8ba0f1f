"""Publishing, unpublishing, moving and restricting pages update the index at once."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from blog.models import ArticlePage

from . import index


@receiver(page_published)
def index_published_article(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        index.index_subtree(instance)


@receiver(page_unpublished)
def drop_unpublished_pages(sender, instance, **kwargs):
    # Unpublishing the blog index hides every article below it as well.
    index.index_subtree(instance)


@receiver(post_page_move)
def reindex_moved_pages(sender, instance, **kwargs):
    index.index_subtree(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_restricted_pages(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        index.index_subtree(page)
