"""zzreview: offline legality pre-review for draft normative documents."""

__version__ = "0.1.0"
