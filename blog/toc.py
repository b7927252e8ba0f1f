"""The table of contents (目次) an article builds from its heading blocks."""

from dataclasses import dataclass, field

# Fewer headings than this and a table of contents is only clutter.
MIN_HEADINGS = 3


@dataclass
class TocEntry:
    text: str
    anchor: str
    children: list["TocEntry"] = field(default_factory=list)


def table_of_contents(body):
    """H2 headings, each with the H3 headings under it, linking to the ids
    the heading blocks render (HeadingValue.anchor_id). An H3 before the
    first H2 stands on its own. Empty when the article has fewer than
    MIN_HEADINGS headings."""
    headings = [child.value for child in body if child.block_type == "heading"]
    if len(headings) < MIN_HEADINGS:
        return []
    entries = []
    for heading in headings:
        entry = TocEntry(text=heading["text"], anchor=heading.anchor_id)
        if heading["level"] == "h3" and entries:
            entries[-1].children.append(entry)
        else:
            entries.append(entry)
    return entries
