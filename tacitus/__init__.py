"""tacitus: news articles in, evidence-backed political event records out."""

__version__ = "0.1.0"
