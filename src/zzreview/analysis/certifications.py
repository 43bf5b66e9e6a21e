"""Certification demands (提交…证明). Placeholder until issue 4 lands."""


def extract_certifications(doc, analysis) -> list:
    return []
