"""Pictures as a phone writes them: EXIF with a GPS position, the maker, an orientation."""

from __future__ import annotations

import io

from PIL import ExifTags, Image

LATITUDE = (20.0, 7.0, 30.0)


def phone_photo(kind: str = "JPEG", size: tuple[int, int] = (40, 20)) -> bytes:
    """A picture `size` wide and high as stored, taken with the phone turned (orientation 6:
    shown rotated a quarter turn), with GPS, maker, XMP and a comment."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.MakerNote] = b"serial 1234"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = LATITUDE
    out = io.BytesIO()
    extra = {"comment": b"Nha tam lanh"} if kind == "JPEG" else {}
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    Image.new("RGB", size, "red").save(out, kind, exif=exif, xmp=xmp, **extra)
    return out.getvalue()


def metadata_of(data: bytes) -> dict:
    """What a reader of the file learns beside the pixels."""
    picture = Image.open(io.BytesIO(data))
    exif = picture.getexif()
    return {
        "exif": dict(exif),
        "gps": dict(exif.get_ifd(ExifTags.IFD.GPSInfo)),
        "other": sorted(
            key for key in picture.info if key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile")
        ),
    }


def size_of(data: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(data)).size


def proxy_status(url: str) -> int:
    """What a proxy that publishes MEDIA_ROOT at MEDIA_URL answers for `url`: 200 for a
    file in the public storage, 404 for anything else (the private storage is not there)."""
    from django.conf import settings
    from django.core.files.storage import storages

    if not url.startswith(settings.MEDIA_URL):
        return 404
    return 200 if storages["public"].exists(url.removeprefix(settings.MEDIA_URL)) else 404
