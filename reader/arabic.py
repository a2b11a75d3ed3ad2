"""The Arabic character ranges, named once, as regex class bodies (`f"[{BLOCKS}]"`).

Imports nothing, so every room uses the same ranges: the decoder guessing an
encoding, the cleaner telling Arabic lines from chrome, the shaper.
"""

from __future__ import annotations

BLOCKS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
"""Arabic, its Supplement and Extended-A, and both presentation-form blocks."""
JOINING_BLOCKS = "\u0600-\u08ff"
"""Arabic through Extended-A, with the joining scripts between them (Syriac, Thaana, NKo):
where contextual shaping may apply."""
