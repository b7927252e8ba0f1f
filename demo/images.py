"""Pictures for the demo, drawn locally with Pillow."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTES = [
    ((47, 125, 109), (230, 242, 239)),
    ((180, 83, 42), (251, 238, 230)),
    ((52, 94, 160), (238, 243, 251)),
    ((120, 90, 160), (243, 238, 250)),
    ((160, 130, 40), (250, 245, 228)),
]


def draw_picture(seed, size=(1600, 1000)):
    """A soft abstract picture: a gradient with rounded shapes, like a body
    outline diagram. The same seed always gives the same picture."""
    rng = random.Random(seed)
    strong, soft = PALETTES[rng.randrange(len(PALETTES))]
    width, height = size
    picture = PILImage.new("RGB", size, soft)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(soft[i] * (1 - t * 0.25) + 255 * t * 0.25) for i in range(3)))
    for _ in range(7):
        r = rng.randint(height // 10, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        shade = tuple(min(255, int(c + rng.randint(40, 120))) for c in strong)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=shade)
    draw.rounded_rectangle(
        [width * 0.38, height * 0.12, width * 0.62, height * 0.88], radius=int(height * 0.1), fill=strong
    )
    draw.ellipse([width * 0.44, height * 0.42, width * 0.56, height * 0.58], fill=soft)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return buffer


def demo_image(title, description, seed, size=(1600, 1000), draw=draw_picture):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image:
        return image
    image = Image(title=title, description=description)
    image.file = ImageFile(draw(seed, size), name=f"demo-{seed}.jpg")
    image.save()
    return image


def draw_avatar(seed, size=(300, 300)):
    """A round face-and-shoulders icon, for a named speaker in a 吹き出し."""
    rng = random.Random(seed)
    strong, soft = PALETTES[rng.randrange(len(PALETTES))]
    width, height = size
    picture = PILImage.new("RGB", size, soft)
    draw = ImageDraw.Draw(picture)
    draw.ellipse([width * 0.18, height * 0.68, width * 0.82, height * 1.3], fill=strong)  # shoulders
    draw.ellipse([width * 0.3, height * 0.2, width * 0.7, height * 0.64], fill=(246, 222, 200))  # face
    draw.chord([width * 0.28, height * 0.14, width * 0.72, height * 0.52], 180, 360, fill=(70, 55, 45))  # hair
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return buffer
