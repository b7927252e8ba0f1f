"""Uploaded images are decoded before they are accepted.

Wagtail checks an image's format, bytes and pixel count from its header
only. A truncated PNG or JPEG passes those checks and then fails when the
first thumbnail is drawn, as a 500 in the admin. Decoding it once here
turns that into a form error. Limits: settings WAGTAILIMAGES_MAX_UPLOAD_SIZE,
WAGTAILIMAGES_MAX_IMAGE_PIXELS, WAGTAILDOCS_MAX_UPLOAD_SIZE (docs/security.md).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.forms import BaseImageForm

UNREADABLE_IMAGE = _("画像を最後まで読み込めませんでした。ファイルが壊れているか、途中までしか保存されていません。")
# JPEG can be decoded at 1/8 scale: the whole file is still read, at a
# fraction of the memory and time of full size.
DRAFT_SCALE = 8


def check_image_decodes(file):
    """Raise ValidationError unless every byte of the image decodes."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        with PILImage.open(file) as image:
            image.draft(image.mode, (max(1, image.width // DRAFT_SCALE), max(1, image.height // DRAFT_SCALE)))
            for frame in range(getattr(image, "n_frames", 1)):
                image.seek(frame)
                image.load()
    except (OSError, SyntaxError, ValueError, EOFError, PILImage.DecompressionBombError) as error:
        raise ValidationError(UNREADABLE_IMAGE, code="unreadable_image") from error
    finally:
        if position is not None:
            file.seek(position)


def decoding(to_python):
    """Wraps WagtailImageField.to_python, whose header checks can themselves
    fail on a broken file (Willow loads it to count its pixels)."""

    def checked(data):
        try:
            file = to_python(data)
        except (OSError, SyntaxError, EOFError) as error:
            raise ValidationError(UNREADABLE_IMAGE, code="unreadable_image") from error
        if file is not None:
            check_image_decodes(file)
        return file

    return checked


class ImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: Wagtail's image form (single and
    multiple upload, and replacing a file), refusing images that do not
    decode. The field keeps Wagtail's own limits and messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].to_python = decoding(self.fields["file"].to_python)
