"""Measures that restrict rights or add duties. Placeholder until issue 3 lands."""


def extract_measures(doc, analysis) -> list:
    return []
