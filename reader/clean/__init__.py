"""Boilerplate removal and metadata extraction: raw text or HTML in, a clean article out."""
