"""What an uploaded image or audio file really is, judged from its bytes (never its name or the
browser's Content-Type), and whether it is small enough. Pure: no Flask, no database."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_AUDIO_BYTES = 10 * 1024 * 1024
ACCEPTED = "PNG, JPEG, GIF or WebP images, and MP3, OGG or M4A (AAC) audio"
# Markup that has no place in an image or a sound: a file that is both (a "polyglot") is refused.
_MARKUP = re.compile(rb"<\s*(html|script|svg|body|iframe|!doctype|\?xml)", re.IGNORECASE)


class MediaFileError(ValueError):
    """A file that cannot be used; the message is for the author."""


@dataclass(frozen=True)
class Sniffed:
    kind: str  # "image" or "audio"
    content_type: str
    extension: str


def _png(data: bytes) -> bool:
    return (
        data.startswith(b"\x89PNG\r\n\x1a\n")
        and data[12:16] == b"IHDR"
        and data.rstrip(b"\x00").endswith(b"IEND\xaeB`\x82")
    )


def _jpeg(data: bytes) -> bool:
    return data.startswith(b"\xff\xd8\xff") and b"\xff\xd9" in data[-64:]


def _gif(data: bytes) -> bool:
    return data[:6] in (b"GIF87a", b"GIF89a") and data.rstrip(b"\x00").endswith(b";")


def _webp(data: bytes) -> bool:
    return (
        data[:4] == b"RIFF"
        and data[8:12] == b"WEBP"
        and data[12:15] == b"VP8"
        and int.from_bytes(data[4:8], "little") + 8 <= len(data) + 1
    )


def _mp3(data: bytes) -> bool:
    if data.startswith(b"ID3") and len(data) > 10 and data[3] in (2, 3, 4):
        return True
    # An MPEG audio frame: 11 sync bits, a known version and a layer that is not "reserved".
    return len(data) > 4 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0 and data[1] & 0x06 != 0


def _ogg(data: bytes) -> bool:
    return data.startswith(b"OggS\x00")


def _m4a(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in (b"M4A ", b"M4B ", b"mp42", b"isom")


def _aac(data: bytes) -> bool:  # raw ADTS frames
    return len(data) > 7 and data[0] == 0xFF and data[1] & 0xF6 == 0xF0


_TESTS = (  # order matters: ADTS AAC looks like an MPEG frame, so it is tried first
    (_png, Sniffed("image", "image/png", "png")),
    (_jpeg, Sniffed("image", "image/jpeg", "jpg")),
    (_gif, Sniffed("image", "image/gif", "gif")),
    (_webp, Sniffed("image", "image/webp", "webp")),
    (_ogg, Sniffed("audio", "audio/ogg", "ogg")),
    (_m4a, Sniffed("audio", "audio/mp4", "m4a")),
    (_aac, Sniffed("audio", "audio/aac", "aac")),
    (_mp3, Sniffed("audio", "audio/mpeg", "mp3")),
)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def sniff(data: bytes) -> Sniffed:
    """The file's type from its first bytes, or MediaFileError saying why it cannot be used."""
    if not data:
        raise MediaFileError("The file is empty. Choose the image or audio file again.")
    head = data[:4096]
    if _MARKUP.search(head) and not head.startswith((b"ID3", b"OggS")):
        if b"<svg" in head.lower():
            raise MediaFileError(
                "SVG images are not accepted because they can carry scripts. Save the picture "
                "as PNG and upload that."
            )
        raise MediaFileError(
            f"This file contains web page code, so it is not accepted. Upload {ACCEPTED}."
        )
    for test, found in _TESTS:
        if test(data):
            limit = MAX_IMAGE_BYTES if found.kind == "image" else MAX_AUDIO_BYTES
            if len(data) > limit:
                raise MediaFileError(
                    f"The {found.kind} is {_megabytes(len(data))}; the largest accepted is "
                    f"{_megabytes(limit)}. Make it smaller and upload it again."
                )
            return found
    raise MediaFileError(
        f"This is not a file we accept, whatever its name says. Upload {ACCEPTED}."
    )


def safe_stem(filename: str) -> str:
    """A file name's stem as lower-case words joined by hyphens: 'Boots by door.PNG' -> 'boots-by-door'."""
    stem = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0]
    words = re.findall(r"[a-z0-9]+", stem.lower())
    return "-".join(words)[:60].strip("-") or "media"
