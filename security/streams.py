"""Stored StreamField values are read defensively.

The admin only stores values its blocks accept, but an import, a migration
or a script writes JSON straight to the database. One block that cannot be
read (say a video whose start is "abc") must not take its page, search, the
feeds or `rebuild_search` down with it: it is logged and shown as nothing.
"""

import logging

from wagtail import blocks
from wagtail.blocks.stream_block import StreamValue

logger = logging.getLogger(__name__)

UNREADABLE = "unreadable"


class UnreadableBlock(blocks.Block):
    """Stands in for a stored block that could not be read: renders nothing,
    is found by no search, and the editor's form leaves it out."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.set_name(UNREADABLE)

    def render(self, value, context=None):
        return ""

    def render_basic(self, value, context=None):
        return ""

    def get_searchable_content(self, value):
        return []

    def get_prep_value(self, value):
        return value


class UnreadableChild(StreamValue.StreamChild):
    """Keeps the stored JSON as it was, so saving the page elsewhere (a
    revision, a copy) does not silently change it."""

    def __init__(self, raw):
        super().__init__(UnreadableBlock(), raw.get("value"), id=raw.get("id"))
        self.raw = raw

    def get_prep_value(self):
        return self.raw


class CheckedStreamValue(StreamValue):
    """A lazy StreamValue whose blocks are converted one type at a time, as
    Wagtail does; when a type fails, its blocks are converted one by one and
    the unreadable ones replaced."""

    def _prefetch_blocks(self, type_name):
        try:
            super()._prefetch_blocks(type_name)
            return
        except Exception:  # noqa: BLE001 - any error in stored data; logged per block below
            pass
        child_block = self.stream_block.child_blocks[type_name]
        for i, raw in enumerate(self._raw_data):
            if self._bound_blocks[i] is not None or raw["type"] != type_name:
                continue
            try:
                value = child_block.to_python(raw["value"])
            except Exception:  # noqa: BLE001
                logger.warning("Unreadable %s block %s: %r", type_name, raw.get("id"), raw["value"], exc_info=True)
                self._bound_blocks[i] = UnreadableChild(raw)
            else:
                self._bound_blocks[i] = StreamValue.StreamChild(child_block, value, id=raw.get("id"))


class CheckedStreamBlockMixin:
    """For a top-level StreamBlock: its stored value is read as a
    CheckedStreamValue, and raw items that are not even block-shaped are
    dropped (logged) before Wagtail sees them."""

    def to_python(self, value):
        try:
            stream = super().to_python(self._block_shaped(value))
        except Exception:  # noqa: BLE001
            logger.warning("Unreadable stream value: %r", value, exc_info=True)
            return self.empty_value()
        if stream.is_lazy:
            return CheckedStreamValue(self, stream._raw_data, is_lazy=True)
        return stream

    def _block_shaped(self, value):
        if not isinstance(value, list):
            return value
        shaped = [item for item in value if isinstance(item, dict) and isinstance(item.get("type"), str) and "value" in item]
        if len(shaped) != len(value) and (not value or isinstance(value[0], dict)):
            logger.warning("Dropped %d stored items that are not blocks", len(value) - len(shaped))
            return shaped
        return value

    def get_form_state(self, value):
        if value:
            value = [child for child in value if child.block_type != UNREADABLE]
        return super().get_form_state(value)
