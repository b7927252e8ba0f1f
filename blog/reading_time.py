"""How long an article takes to read: 「この記事は約N分で読めます」."""

import html
import math

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageBlock

# Japanese readers take in roughly 400–600 characters a minute.
CHARACTERS_PER_MINUTE = 500

# Struct children that hold identifiers, not prose a reader reads.
NOT_PROSE = {"anchor", "url"}


def reading_minutes(lead, body):
    """Whole minutes, rounded up and never less than one, for the lead and
    every block's visible text (rich text without its tags, checklist
    items, steps, notes, quotes, captions)."""
    characters = _count(lead) + sum(_count(text) for child in body for text in _texts(child.block, child.value))
    return max(1, math.ceil(characters / CHARACTERS_PER_MINUTE))


def _count(text):
    """Characters a reader reads: whitespace and line breaks do not count."""
    return sum(1 for character in text if not character.isspace())


def _texts(block, value):
    """The text in one block's value, walking the block definitions so a
    block added later is counted without changes here. Choices, images and
    links are not read, so they are skipped."""
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        yield html.unescape(strip_tags(value.source))
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        yield str(value)
    elif isinstance(block, TableBlock):
        yield from block.get_searchable_content(value)
    elif isinstance(block, blocks.StructBlock) and not isinstance(block, ImageBlock):
        for name, child_block in block.child_blocks.items():
            if name not in NOT_PROSE:
                yield from _texts(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _texts(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _texts(child.block, child.value)
