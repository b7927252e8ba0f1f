"""The demo articles, one module per primary category."""
