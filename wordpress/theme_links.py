"""Theme blocks that link somewhere: Cocoon's blog card and CTA, SWELL's
post link and banner link, and the themes' and core's buttons. A link to an
old post becomes a link to its page (plan.Links), else it is checked as the
booking links are (body.BodyBuilder.button, blog_card)."""

import re

from .markup import TITLE_CLASS, attr, classes_of, soup_of, text_of, with_class

URL = re.compile(r"https?://[^\s<>\"']+")


def cocoon_blogcard(reader, block):
    """One card per URL line (Cocoon saves the URLs as paragraphs)."""
    soup = soup_of(block.html())
    urls = [a["href"] for a in soup.find_all("a", href=True)] + URL.findall(soup.get_text("\n"))
    for url in dict.fromkeys(u.rstrip(".,、。") for u in urls):
        reader.builder.blog_card(url)


def swell_post_link(reader, block):
    data = block.attrs.get("linkData") if isinstance(block.attrs.get("linkData"), dict) else {}
    url = str(data.get("url") or "").strip()
    post_id = str(data.get("id") or block.attrs.get("postId") or "").strip()
    if post_id.isdigit() and (not url or reader.builder.pages(url) is None):
        # The card names its post by ID: that post's page, if it is in the export.
        by_id = f"/?p={post_id}"
        url = by_id if not url or reader.builder.pages(by_id) is not None else url
    title = str(block.attrs.get("cardTitle") or data.get("title") or "")
    if url:
        reader.builder.blog_card(url, title)
    else:
        reader.walker.unknown(block.name)
        reader.builder.text(title)


def banner_link(reader, block):
    soup = soup_of(block.html())
    anchor = soup.find("a", href=True)
    url = attr(block, "hrefUrl", "url") or (anchor["href"] if anchor else "")
    title = text_of(with_class(soup, TITLE_CLASS)) or attr(block, "bannerTitle", "title")
    description = text_of(with_class(soup, re.compile(r"(?:desc|description|text)$", re.I)))
    reader.builder.blog_card(url, title or text_of(soup), description)


def button(reader, block):
    """Cocoon's button and button-wrap, SWELL's button, core/button: the
    first link's text and address."""
    soup = soup_of(block.html())
    anchor = soup.find("a", href=True)
    href = attr(block, "hrefUrl", "url") or (anchor["href"] if anchor else "")
    label = text_of(anchor) or attr(block, "content", "text")
    hint = " ".join([attr(block, "className"), classes_of(soup)])
    style = "secondary" if re.search(r"outline|btn_line|btn-line|secondary", hint) else "primary"
    if not label and anchor is not None and anchor.find("img"):
        # A banner of an image with a link (affiliates): the image is kept.
        reader.walker.image(anchor.find("img"))
        return
    reader.builder.button(label, href, style)


def core_buttons(reader, block):
    for child in block.children:
        reader.block(child)
    if not block.children:
        button(reader, block)


def cocoon_cta(reader, block):
    """Cocoon's CTA is drawn by PHP from its attributes: header, message,
    image, button."""
    image = attr(block, "image")
    if image:
        reader.walker.image(soup_of(f'<img src="{image}" alt="">').img)
    reader.builder.note("point", attr(block, "header"), attr(block, "message"))
    reader.builder.button(attr(block, "buttonText"), attr(block, "buttonURL"))
