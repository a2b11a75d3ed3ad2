"""Which font file the browser terminal draws Arabic with: one on this machine, never a CDN.

xterm.js draws each cell by itself, so the app's own shaping and order survive, but
only if the font has the Arabic presentation forms the app sends (U+FB50–U+FEFF).
A monospace face keeps those glyphs inside their cells.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# Presentation forms the app emits (alef with hamza above, final form, is one of them).
NEEDED = "fe84"
WANTED = ("DejaVu Sans Mono", "Noto Sans Mono", "FreeMono")
KNOWN_PATHS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSansMono.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSansMono.ttf"),
    Path("/Library/Fonts/DejaVuSansMono.ttf"),
)


def arabic_mono_font() -> Path | None:
    """A local monospace font with the Arabic presentation forms, or None."""
    fc_match = shutil.which("fc-match")
    if fc_match is not None:
        for family in WANTED:
            try:
                found = subprocess.run(
                    [fc_match, "-f", "%{file}", f"{family}:spacing=mono:charset={NEEDED}"],
                    capture_output=True,
                    text=True,
                    timeout=5,
                    check=False,
                ).stdout.strip()
            except (OSError, subprocess.TimeoutExpired):
                break
            if found and family.replace(" ", "") in Path(found).name.replace(" ", ""):
                return Path(found)
    return next((path for path in KNOWN_PATHS if path.is_file()), None)
