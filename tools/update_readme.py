"""Regenerate the rule table in README.md from the rules' own metadata."""

from __future__ import annotations

from pathlib import Path

from zzreview.render.rules_table import render_rules

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"

text = README.read_text(encoding="utf-8")
head, rest = text.split(START, 1)
_, tail = rest.split(END, 1)
README.write_text(f"{head}{START}\n{render_rules(fmt='markdown')}{END}{tail}", encoding="utf-8")
print("README rule table updated")
