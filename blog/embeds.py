"""Wagtail's embed feature for YouTube, without asking YouTube.

Registered first in WAGTAILEMBEDS_FINDERS, so a YouTube link pasted through
the rich-text editor's embed button (or any EmbedBlock) becomes the same
facade as the video block, with no oEmbed request when the editor saves or
when a page renders.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

from .video import parse_youtube, play_label


def _video(url):
    # Embeds are always links; a bare ID is only meaningful in the video block.
    if "/" not in (url or ""):
        return None
    try:
        return parse_youtube(url)
    except ValueError:
        return None


class YouTubeFacadeFinder(EmbedFinder):
    def __init__(self, **options):
        pass

    def accept(self, url):
        return _video(url) is not None

    def find_embed(self, url, max_width=None, max_height=None):
        video = _video(url)
        if video is None:
            raise EmbedNotFoundException
        # oEmbed would give the real title; offline, a generic one keeps the
        # play button's accessible name meaningful.
        title = _("YouTube動画")
        html = render_to_string(
            "components/video_facade.html",
            {"video": video, "title": title, "play_label": play_label(title)},
        )
        return {
            "title": title,
            "author_name": "",
            "provider_name": "YouTube",
            "type": "video",
            "thumbnail_url": video.thumbnail_url,
            "width": 1280,
            "height": 720,
            "html": html,
        }


embed_finder_class = YouTubeFacadeFinder
