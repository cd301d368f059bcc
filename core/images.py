"""Uploaded pictures lose what a camera or a phone writes beside the pixels.

A phone's photo carries EXIF (the GPS position where it was taken: a shelter, a village;
the phone's make and serial in the maker notes), XMP, IPTC, comments and an ICC profile
with its own texts. Wagtail's renditions copy EXIF and ICC from the original, so the
original is cleaned when it is stored, and every rendition made from it is clean too.
The orientation that EXIF gives is applied to the pixels first, so that a photo taken
with the phone on its side still shows upright once the tag is gone.
"""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageOps

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")

# What Pillow reads that says how to draw the pixels and nothing about who, where or with what.
HARMLESS = {
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "dpi",
    "adobe",
    "adobe_transform",
    "progressive",
    "progression",
    "interlace",
    "gamma",
    "transparency",
    "duration",
    "loop",
    "background",
    "version",
    "srgb",
    "aspect",
    "lossless",
    "extension",
    "compression",
    "loop_count",
    "disposal",
    "blend",
    "timestamp",
}
# What a clean copy keeps: transparency and an animation's timing are part of the picture.
KEPT = ("transparency", "duration", "loop", "background")


def has_metadata(picture: Image.Image) -> bool:
    return bool(picture.getexif()) or any(key not in HARMLESS for key in picture.info)


def without_metadata(data: bytes) -> bytes | None:
    """The picture in `data` with its orientation applied and no metadata, in its own
    format; None when there is nothing to remove or it is no picture we clean."""
    try:
        picture = Image.open(BytesIO(data))
        picture.load()
    except Exception:  # not a picture Pillow reads: Wagtail's own checks refuse it
        return None
    kind = "JPEG" if picture.format == "MPO" else picture.format
    if kind not in ("JPEG", "PNG", "WEBP", "GIF") or not has_metadata(picture):
        return None
    out = BytesIO()
    if kind == "GIF":
        _clean(picture).save(out, "GIF", save_all=getattr(picture, "n_frames", 1) > 1)
        return out.getvalue()
    clean = _clean(ImageOps.exif_transpose(picture))
    if kind == "JPEG":
        if clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        clean.save(out, "JPEG", quality=90, optimize=True)
    elif kind == "WEBP":
        clean.save(out, "WEBP", quality=90, lossless=bool(picture.info.get("lossless")))
    else:
        clean.save(out, "PNG", optimize=True)
    return out.getvalue()


def _clean(picture: Image.Image) -> Image.Image:
    # Pillow's writers fall back on `info` for ICC profiles, comments and EXIF: a copy
    # whose info holds only how the pixels are drawn writes none of them.
    kept = {key: picture.info[key] for key in KEPT if key in picture.info}
    picture.info = kept
    if hasattr(picture, "_exif"):
        picture._exif = None
    return picture


def clean_before_save(sender, instance, **kwargs) -> None:
    """A picture attached to an image record but not stored yet is cleaned here, so that
    its recorded width, height, size and hash are the stored file's (the storage would
    clean it too, but only after Wagtail measured the upload)."""
    from django.core.files.base import ContentFile
    from wagtail.utils.file import hash_filelike

    file = instance.file
    if not file or getattr(file, "_committed", True):
        return
    file.seek(0)
    cleaned = without_metadata(file.read())
    file.seek(0)
    if cleaned is None:
        return
    instance.file = ContentFile(cleaned, name=file.name)  # the field measures the new picture
    instance.file_size = len(cleaned)
    instance.file_hash = hash_filelike(BytesIO(cleaned))


def connect_signals() -> None:
    from django.db.models.signals import pre_save
    from wagtail.images import get_image_model

    pre_save.connect(clean_before_save, sender=get_image_model(), dispatch_uid="core.images.clean")
