"""Entity recognition and name resolution, fully offline."""
