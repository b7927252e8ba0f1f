"""The article's page and everything showing it drop out of the caches when
its 監修 credit may change: the one call from review/ into serving/."""

from blog.models import ArticlePage
from serving.purge import page_change_tags, purge


def purge_article(page_id):
    article = ArticlePage.objects.filter(pk=page_id).first()
    if article is not None:
        purge(page_change_tags(article))
