"""Feeds and pages over HTTP: subscriptions, polite fetching, into the ingest path."""
