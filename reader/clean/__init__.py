"""Boilerplate removal and metadata extraction: raw text or HTML in, a clean article out."""

from reader.clean.article import CleanArticle, Dropped
from reader.clean.dates import parse_date
from reader.clean.html import clean_html
from reader.clean.record import clean_record
from reader.clean.text import clean_text

__all__ = ["CleanArticle", "Dropped", "clean_html", "clean_record", "clean_text", "parse_date"]
