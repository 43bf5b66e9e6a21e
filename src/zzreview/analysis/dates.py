"""Effective date and validity period. Placeholder until issue 5 lands."""


def extract_dates(doc, analysis, as_of):
    return None
