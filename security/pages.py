"""A page is served at its own URL only inside its publication window."""

from django.http import Http404
from django.utils import timezone


class PublicationWindowMixin:
    """Wagtail's routing only checks `live`. A page past its `expire_at`, or
    live with a future `go_live_at`, stays live until `publish_scheduled`
    next runs; in between, readers must get a 404 at its URL, as listings,
    feeds and search already hide it (ArticlePageQuerySet.readable). Editors
    still preview it: the admin's preview does not route."""

    def in_publication_window(self, now=None):
        now = now or timezone.now()
        if self.go_live_at and self.go_live_at > now:
            return False
        return not (self.expire_at and self.expire_at <= now)

    def route(self, request, path_components):
        result = super().route(request, path_components)
        # Children route themselves; this page answers only for itself and
        # its own sub-routes (RoutablePageMixin returns self for those).
        if result.page.pk == self.pk and not self.in_publication_window():
            raise Http404
        return result
