"""Pure authoring logic: write scenarios back as text, edit them, draw their map, diff them,
import Twine stories and replay previews. See README.md: no Flask, no SQLAlchemy."""

from .drafting import apply_to_text, blank_text, lost_in_rewrite
from .editing import AddNode, Chain, DeleteNode, EditNode, SetDetails, SetRoutes
from .meaning import meaning
from .normalise import EditError
from .options import AddOption, DeleteOption, EditOption, OptionFields
from .serialise import to_text

__all__ = [
    "AddNode",
    "AddOption",
    "Chain",
    "DeleteNode",
    "DeleteOption",
    "EditError",
    "EditNode",
    "EditOption",
    "OptionFields",
    "SetDetails",
    "SetRoutes",
    "apply_to_text",
    "blank_text",
    "lost_in_rewrite",
    "meaning",
    "to_text",
]
