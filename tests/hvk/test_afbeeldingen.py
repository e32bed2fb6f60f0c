"""Uploaded pictures are written anew: upright, limited in size, without metadata."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from aanbod.models import Activiteit
from tests.factories import ActiviteitFactory

pytestmark = pytest.mark.django_db

ORIENTATIE = 0x0112
GPS = 0x8825


def foto(breedte=3000, hoogte=2000, formaat="JPEG", orientatie=None, achteraan=b"") -> bytes:
    beeld = Image.new("RGB", (breedte, hoogte), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # Make
    exif[GPS] = {2: (51.0, 19.0, 3.0)}  # a latitude
    if orientatie:
        exif[ORIENTATIE] = orientatie
    uit = BytesIO()
    beeld.save(uit, formaat, exif=exif.tobytes())
    return uit.getvalue() + achteraan


def opgeslagen(activiteit) -> Image.Image:
    activiteit = Activiteit.objects.get(pk=activiteit.pk)
    with activiteit.afbeelding.open("rb") as bestand:
        beeld = Image.open(BytesIO(bestand.read()))
        beeld.load()
    return beeld


def test_een_grote_foto_wordt_kleiner_en_verliest_zijn_metadata(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HVK_MAX_AFBEELDING_PIXELS = 800
    activiteit = ActiviteitFactory()

    activiteit.afbeelding = SimpleUploadedFile("zee.jpg", foto(), content_type="image/jpeg")
    activiteit.save()

    beeld = opgeslagen(activiteit)
    assert beeld.format == "JPEG"
    assert beeld.size == (800, 533)
    exif = beeld.getexif()
    assert GPS not in exif
    assert 0x010F not in exif


def test_een_liggende_foto_van_een_telefoon_staat_daarna_rechtop(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    activiteit = ActiviteitFactory()

    # Orientation 6: the camera was turned; the picture must be rotated 90° to be upright.
    activiteit.afbeelding = SimpleUploadedFile("gsm.jpg", foto(400, 300, orientatie=6))
    activiteit.save()

    assert opgeslagen(activiteit).size == (300, 400)


def test_wat_achter_de_afbeelding_geplakt_is_verdwijnt(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    activiteit = ActiviteitFactory()
    verstopt = b"<script>alert('x')</script>"

    png = foto(200, 100, "PNG", achteraan=verstopt)
    activiteit.afbeelding = SimpleUploadedFile("logo.png", png)
    activiteit.save()

    with Activiteit.objects.get(pk=activiteit.pk).afbeelding.open("rb") as bestand:
        inhoud = bestand.read()
    assert verstopt not in inhoud
    assert Image.open(BytesIO(inhoud)).format == "PNG"


def test_een_afbeelding_die_al_opgeslagen_is_wordt_niet_opnieuw_geschreven(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    activiteit = ActiviteitFactory()
    activiteit.afbeelding = SimpleUploadedFile("zee.jpg", foto(400, 300))
    activiteit.save()
    naam = activiteit.afbeelding.name

    activiteit.titel = "Andere titel"
    activiteit.save()

    assert Activiteit.objects.get(pk=activiteit.pk).afbeelding.name == naam
