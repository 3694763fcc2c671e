"""The HTML that survives sanitising: one allow-list for rendered Markdown (app/markdown.py) and
for imported Twine text (app/authoring/twine_text.py). Plain data, so the pure packages can use
it without loading the web stack."""

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "ul",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "dl",
    "dt",
    "dd",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
# Images survive only in rendered Markdown, and only to be resolved: app/markdown.py turns each
# `media:name` image into the uploaded image or audio, and anything else into a visible note.
MEDIA_TAGS = {"img"}
MEDIA_ATTRIBUTES = {"img": {"src", "alt"}}
MEDIA_SCHEME = "media"
