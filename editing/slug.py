"""The romaji slug, suggested in the article editor as the editor types the
title (editing/static/editing/admin.js). Saving makes the same suggestion on
the server (blog.forms.ArticlePageForm), so a browser without JavaScript
gets it too."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from blog.romaji import romaji_slug

MAX_TITLE_CHARS = 255  # Wagtail's title field


@require_GET
def suggest_slug(request):
    return JsonResponse({"slug": romaji_slug(request.GET.get("title", "")[:MAX_TITLE_CHARS])})
