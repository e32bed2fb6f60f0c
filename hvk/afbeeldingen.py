"""Every uploaded picture is decoded and saved anew by Pillow before it is stored.

What a person uploads as a photo or logo may carry more than pixels: the place and time it was
taken (EXIF, GPS), a camera's serial number, or bytes after the image that a browser could be
tricked into reading as HTML or script. Decoding the pixels and writing a fresh file keeps only
the picture: no metadata, nothing appended. On the way it is turned upright (the EXIF
orientation) and made no larger than ``HVK_MAX_AFBEELDING_PIXELS`` on its longest side, which
is plenty for a web page and keeps pages light on a phone.

It runs on ``pre_save`` of every model with an ``ImageField``, for a file that was just uploaded
(not yet stored), so the admin, a form and a script all get the same treatment. The form field
has already checked that the file is an image Pillow can read, and ``MaximaleBestandsgrootte``
its size in bytes; Pillow itself refuses a "decompression bomb" (an image with far more pixels
than its file size suggests).
"""

from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from PIL import Image, ImageOps

# Pillow's format name → how to write it again.
OPSLAAN = {
    "JPEG": {"format": "JPEG", "quality": 85, "optimize": True},
    "PNG": {"format": "PNG", "optimize": True},
    "WEBP": {"format": "WEBP", "quality": 85},
}


def herschreven(bestand, *, max_pixels: int) -> bytes:
    """The picture in ``bestand`` written anew: upright, at most ``max_pixels`` wide and high,
    in its own format (JPEG, PNG or WebP), without metadata."""
    bestand.seek(0)
    with Image.open(bestand) as origineel:
        formaat = origineel.format
        if formaat not in OPSLAAN:
            raise ValueError(f"unexpected image format {formaat!r}")
        beeld = ImageOps.exif_transpose(origineel)
        beeld.thumbnail((max_pixels, max_pixels))
        if formaat == "JPEG" and beeld.mode not in ("RGB", "L"):
            beeld = beeld.convert("RGB")
        uit = BytesIO()
        beeld.save(uit, **OPSLAAN[formaat])
    return uit.getvalue()


@receiver(pre_save)
def _nieuwe_afbeeldingen_herschrijven(sender, instance, raw=False, **kwargs):
    if raw:
        # Loading a fixture: the files are what they are.
        return
    for veld in sender._meta.concrete_fields:
        if not isinstance(veld, models.ImageField):
            continue
        bestand = getattr(instance, veld.attname)
        if not bestand or bestand._committed:
            continue
        inhoud = herschreven(bestand.file, max_pixels=settings.HVK_MAX_AFBEELDING_PIXELS)
        # Stores the new file now; the field then has nothing left to save.
        bestand.save(bestand.name, ContentFile(inhoud), save=False)
