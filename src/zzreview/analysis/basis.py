"""Legal-basis clauses (根据《…》…制定本办法). Placeholder until issue 3 lands."""


def extract_basis(doc, analysis) -> list:
    return []
