"""The Textual reader. The only room that imports Textual."""
