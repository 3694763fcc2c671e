"""The type of an uploaded file comes from its bytes, never its name; hostile and oversized
files are refused with a message an author can act on."""

from __future__ import annotations

import pytest

from app.authoring.media_files import (
    MAX_AUDIO_BYTES,
    MAX_IMAGE_BYTES,
    MediaFileError,
    safe_stem,
    sniff,
)
from tests.media_samples import PNG_HEADER_ON_HTML, SVG_WITH_SCRIPT, mp3, ogg, png


def test_real_files_are_recognised_by_their_bytes():
    assert sniff(png()).content_type == "image/png"
    assert sniff(b"GIF89a" + b"\x01\x00" * 10 + b";").content_type == "image/gif"
    assert sniff(b"\xff\xd8\xff\xe0" + b"\x00" * 50 + b"\xff\xd9").content_type == "image/jpeg"
    webp = b"RIFF" + (30).to_bytes(4, "little") + b"WEBPVP8 " + b"\x00" * 22
    assert sniff(webp).content_type == "image/webp"
    assert (sniff(ogg()).kind, sniff(ogg()).content_type) == ("audio", "audio/ogg")
    assert sniff(mp3()).content_type == "audio/mpeg"
    assert sniff(b"\x00\x00\x00\x20ftypM4A " + b"\x00" * 40).content_type == "audio/mp4"


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "The file is empty"),
        (PNG_HEADER_ON_HTML, "web page code"),
        (SVG_WITH_SCRIPT, "SVG images are not accepted"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not a file we accept"),  # a header, no image
        (b"<!doctype html><p>hello</p>", "web page code"),
        (b"%PDF-1.7 a document", "not a file we accept"),
    ],
)
def test_hostile_or_unknown_files_are_refused_saying_why(data, says):
    with pytest.raises(MediaFileError, match=says):
        sniff(data)


def test_size_limits_differ_for_images_and_audio():
    with pytest.raises(MediaFileError, match="largest accepted is 2.0 MB"):
        sniff(png(padding=MAX_IMAGE_BYTES))
    big_audio = ogg() + b"\x00" * (MAX_AUDIO_BYTES + 1)
    with pytest.raises(MediaFileError, match="largest accepted is 10.0 MB"):
        sniff(big_audio)
    assert sniff(ogg() + b"\x00" * (MAX_IMAGE_BYTES * 2)).kind == "audio"


def test_file_names_become_safe_reference_names():
    assert safe_stem("Boots by the door.PNG") == "boots-by-the-door"
    assert safe_stem('../../etc/"pass"wd.png') == "pass-wd"
    assert safe_stem("C:\\photos\\Küche 1.jpg") == "k-che-1"
    assert safe_stem("....") == "media"
