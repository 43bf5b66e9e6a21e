"""Is the document a normative document, and of what kind. Placeholder until issue 5 lands."""


def classify_document(doc, structure, config):
    return None
